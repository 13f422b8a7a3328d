package org.asimov.capture.pip;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Directory listings in the order {@code os.listdir} gives them (readdir order, unsorted). */
final class DirectoryListing {
    private DirectoryListing() {
    }

    /** The child names of {@code directory}; empty when it is missing, not a directory or unreadable. */
    static List<String> names(Path directory) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                names.add(child.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            // Python's listdir-based scanners swallow these too: a bad sys.path entry is no distribution
            return List.of();
        }
        return names;
    }

    static boolean endsWithIgnoreCase(String name, String suffix) {
        return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
