package org.asimov.capture.elf;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What loading one object pulls in.
 *
 * @param object the object loaded
 * @param direct its own {@code DT_NEEDED} names mapped to where they are found ({@code null}: not found)
 * @param all    every name loaded on its behalf, transitively, mapped the same way, in load order
 */
public record Linking(ElfFile object, Map<String, Path> direct, Map<String, Path> all) {
    public Linking {
        requireNonNull(object, "object is null");
        direct = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(direct, "direct is null")));
        all = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(all, "all is null")));
    }
}
