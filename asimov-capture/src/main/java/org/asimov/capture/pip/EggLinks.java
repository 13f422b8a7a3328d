package org.asimov.capture.pip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code .egg-link} files on a {@code sys.path}, listed once: pip's
 * {@code egg_link_path_from_sys_path} looks for one per distribution in every entry, which
 * would cost a file test per distribution and entry.
 */
final class EggLinks {
    private final Set<String> names;

    private EggLinks(Set<String> names) {
        this.names = names;
    }

    static EggLinks on(List<String> sysPath) {
        Set<String> names = new HashSet<>();
        for (String entry : sysPath) {
            Path dir = Path.of(entry.isEmpty() ? "." : entry);
            for (String child : DirectoryListing.names(dir)) {
                if (child.endsWith(".egg-link") && Files.isRegularFile(dir.resolve(child))) {
                    names.add(child);
                }
            }
        }
        return new EggLinks(names);
    }

    /** Whether pip finds an {@code .egg-link} for a distribution of this metadata name. */
    boolean existFor(String rawName, PipRules rules) {
        if (names.isEmpty()) {
            return false;
        }
        return names.contains(ProjectNames.safeName(rawName) + ".egg-link")
                || (rules.eggLinkRawName() && names.contains(rawName + ".egg-link"));
    }
}
