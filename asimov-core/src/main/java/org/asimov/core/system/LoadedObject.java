package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter or one compiled extension module, with what it needs directly.
 *
 * @param path     the file
 * @param owner    who installed it; {@code null} when unknown
 * @param needed   its {@code DT_NEEDED} entries mapped to where the loader finds them, in the
 *                 file's order; the value is {@code null} for a library the loader would not find
 */
public record LoadedObject(String path, LibraryOwner owner, Map<String, String> needed) {
    public LoadedObject {
        requireNonNull(path, "path is null");
        needed = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(needed, "needed is null")));
    }

    /** The needed names the loader would not find: importing this module would fail. */
    public List<String> missing() {
        return needed.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }
}
