package org.asimov.capture.pip;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pip that {@code python -m pip} would import: the {@code pip} package in the first
 * {@code sys.path} entry that has one. Its version and its source decide some freeze rules.
 *
 * @param packageDir     the {@code pip} package directory
 * @param version        pip's {@code __version__}
 * @param debianPatched  its freeze command also hides {@code pkg-resources} (Debian's patch)
 */
public record PipInstallation(Path packageDir, String version, boolean debianPatched) {
    private static final Pattern VERSION = Pattern.compile("^__version__\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.MULTILINE);

    public PipInstallation {
        requireNonNull(packageDir, "packageDir is null");
        requireNonNull(version, "version is null");
    }

    public static Optional<PipInstallation> locate(List<String> sysPath) {
        for (String entry : sysPath) {
            if (entry.isEmpty()) {
                continue;
            }
            Path init = Path.of(entry, "pip", "__init__.py");
            if (Files.isRegularFile(init)) {
                try {
                    Matcher m = VERSION.matcher(Files.readString(init, StandardCharsets.UTF_8));
                    if (!m.find()) {
                        return Optional.empty();
                    }
                    Path freezeCommand = init.getParent().resolve("_internal/commands/freeze.py");
                    boolean debian = Files.isRegularFile(freezeCommand)
                            && Files.readString(freezeCommand, StandardCharsets.UTF_8).contains("\"pkg-resources\"");
                    return Optional.of(new PipInstallation(init.getParent(), m.group(1), debian));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
