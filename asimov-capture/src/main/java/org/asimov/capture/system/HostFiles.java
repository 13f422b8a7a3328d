package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine's files, seen from a root directory: {@code /} in production, a directory tree
 * laid out like a real system in tests. Reading never throws; a missing or unreadable file is
 * simply absent, because every one of these files is optional somewhere.
 */
public final class HostFiles {
    private final Path root;

    public HostFiles(Path root) {
        this.root = requireNonNull(root, "root is null");
    }

    public static HostFiles host() {
        return new HostFiles(Path.of("/"));
    }

    public Path root() {
        return root;
    }

    /** {@code absolute} (e.g. {@code /etc/os-release}) under the root. */
    public Path resolve(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    public Optional<String> read(String absolute) {
        try {
            return Optional.of(Files.readString(resolve(absolute), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first line, stripped, of a one-value file such as {@code /proc/sys/kernel/osrelease}. */
    public Optional<String> readLine(String absolute) {
        return read(absolute).map(text -> text.lines().findFirst().orElse("").strip()).filter(s -> !s.isEmpty());
    }

    public boolean exists(String absolute) {
        return Files.exists(resolve(absolute));
    }
}
