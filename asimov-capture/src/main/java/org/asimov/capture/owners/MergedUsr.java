package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The several spellings of one file on a merged-/usr system, where {@code /lib} is a symbolic
 * link to {@code usr/lib}: the loader opens {@code /lib/x86_64-linux-gnu/libz.so.1} (that is
 * what ld.so.cache says) while dpkg may record the same file as
 * {@code /usr/lib/x86_64-linux-gnu/libz.so.1}, or the other way round; and the name the loader
 * opens is often a symlink to the versioned file the package also lists. A database lookup
 * tries every spelling.
 */
public final class MergedUsr {
    private static final List<String> MERGEABLE = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private final Path root;
    private final Set<String> merged;

    /** @param root the file system root whose top-level links to look at ({@code /} in production) */
    public MergedUsr(Path root) {
        this.root = requireNonNull(root, "root is null");
        Set<String> links = new LinkedHashSet<>();
        for (String top : MERGEABLE) {
            Path link = root.resolve(top);
            try {
                if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).normalize().toString().replaceFirst("^/", "").equals("usr/" + top)) {
                    links.add(top);
                }
            } catch (IOException e) {
                // unreadable link: not merged, as far as we can tell
            }
        }
        this.merged = Set.copyOf(links);
    }

    public Set<String> mergedDirectories() {
        return merged;
    }

    /**
     * Every spelling of {@code file} as the system names it (absolute from the root, so that a
     * package database's paths match): as given, its /usr twin, the real file behind symlinks and
     * its /usr twin; in that order, without duplicates. A file outside the root has none.
     */
    public Set<String> spellings(Path file) {
        Set<String> spellings = new LinkedHashSet<>();
        Path normalised = file.toAbsolutePath().normalize();
        addWithTwin(spellings, normalised);
        try {
            addWithTwin(spellings, normalised.toRealPath());
        } catch (IOException e) {
            // dangling: the spellings of the name are all we have
        }
        return spellings;
    }

    private void addWithTwin(Set<String> spellings, Path path) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        if (!path.startsWith(absoluteRoot)) {
            return;
        }
        Path relative = absoluteRoot.relativize(path);
        spellings.add("/" + relative);
        if (relative.getNameCount() < 2) {
            return;
        }
        String first = relative.getName(0).toString();
        if (first.equals("usr") && merged.contains(relative.getName(1).toString())) {
            spellings.add("/" + relative.subpath(1, relative.getNameCount()));
        } else if (merged.contains(first)) {
            spellings.add("/usr/" + relative);
        }
    }
}
