package org.asimov.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The documented example queries in {@code db/queries}, by file name without {@code .sql}. */
public final class ExampleQueries {
    private ExampleQueries() {
    }

    /** Maven runs tests in the module's directory, beside {@code db}. */
    public static Path directory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path queries = dir.resolve("db").resolve("queries");
            if (Files.isDirectory(queries)) {
                return queries;
            }
        }
        throw new IllegalStateException("no db/queries above " + here);
    }

    public static Map<String, String> all() {
        Map<String, String> queries = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".sql"))::iterator) {
                String name = file.getFileName().toString();
                queries.put(name.substring(0, name.length() - ".sql".length()), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }
}
