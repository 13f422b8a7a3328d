package org.asimov.store.db;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of the migrations on the class path ({@code db/migration/V<version>__*.sql}),
 * found without Flyway, so that opening an up-to-date store need not load Flyway at all.
 */
final class PackagedMigrations {
    static final String DIRECTORY = "db/migration";

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private PackagedMigrations() {
    }

    /**
     * The versions Flyway would apply, normalised as Flyway records them ({@code 1_1} → {@code 1.1});
     * empty when they cannot be listed with certainty (then Flyway decides).
     */
    static Optional<Set<String>> versions(ClassLoader loader) {
        Set<String> versions = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(DIRECTORY);
            if (!roots.hasMoreElements()) {
                return Optional.empty();
            }
            while (roots.hasMoreElements()) {
                if (!collect(roots.nextElement(), versions)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
    }

    private static boolean collect(URL root, Set<String> versions) throws IOException, URISyntaxException {
        switch (root.getProtocol()) {
            case "file" -> {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(root.toURI()))) {
                    for (Path file : files) {
                        if (!add(file.getFileName().toString(), versions)) {
                            return false;
                        }
                    }
                }
                return true;
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(DIRECTORY + "/") && name.length() > DIRECTORY.length() + 1
                                && !add(name.substring(DIRECTORY.length() + 1), versions)) {
                            return false;
                        }
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Adds a versioned migration; false for anything Flyway might treat otherwise (repeatable, Java, callbacks). */
    private static boolean add(String fileName, Set<String> versions) {
        if (fileName.isEmpty() || fileName.endsWith("/")) {
            return true;
        }
        Matcher matcher = VERSIONED.matcher(fileName);
        if (!matcher.matches()) {
            return false;
        }
        versions.add(matcher.group(1).replace('_', '.'));
        return true;
    }
}
