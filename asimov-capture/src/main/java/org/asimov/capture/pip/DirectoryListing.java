package org.asimov.capture.pip;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Directory listings in the order {@code os.listdir} gives them (readdir order, unsorted). */
final class DirectoryListing {
    private DirectoryListing() {
    }

    /** The child names of {@code directory}; empty when it is missing, not a directory or unreadable. */
    static List<String> names(Path directory) {
        // File.list rather than a DirectoryStream: the names come straight from readdir, with no
        // Path made and taken apart for each of a site-packages' hundreds of entries
        String[] names = directory.toFile().list();
        // null: Python's listdir-based scanners swallow these errors too, a bad sys.path entry is no distribution
        return names == null ? List.of() : Arrays.asList(names);
    }

    static boolean endsWithIgnoreCase(String name, String suffix) {
        return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
