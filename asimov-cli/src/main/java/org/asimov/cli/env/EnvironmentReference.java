package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.names.SafeName;

/**
 * What the {@code env} commands that read a record accept as its name: a directory holding
 * environment files (a run directory, or what {@code env capture --output} wrote), or
 * {@code EVENT/ANALYSIS[@PHASE]} of a stored analysis. A directory wins over a stored analysis
 * of the same spelling, since the user can see it.
 *
 * @param label     what the user typed, for output
 * @param directory the directory, {@code null} for a stored analysis
 * @param event     {@code null} for a directory
 * @param analysis  {@code null} for a directory
 * @param phase     the phase the user named, {@code null} when none was named
 */
public record EnvironmentReference(String label, Path directory, String event, String analysis, CapturePhase phase) {
    public EnvironmentReference {
        requireNonNull(label, "label is null");
    }

    public static EnvironmentReference parse(String spec) {
        Path directory = Path.of(spec);
        if (Files.isDirectory(directory)) {
            return new EnvironmentReference(spec, directory, null, null, null);
        }
        String analysis = spec;
        CapturePhase phase = null;
        int at = spec.lastIndexOf('@');
        if (at >= 0) {
            phase = CapturePhase.fromKey(spec.substring(at + 1));
            analysis = spec.substring(0, at);
        }
        String[] parts = analysis.split("/", -1);
        if (parts.length != 2 || !SafeName.isSafe(parts[0]) || !SafeName.isSafe(parts[1])) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "'" + spec + "' is neither a directory holding environment"
                    + " files nor EVENT/ANALYSIS (optionally @build or @run) of a stored analysis");
        }
        return new EnvironmentReference(spec, null, parts[0], parts[1], phase);
    }

    public boolean isDirectory() {
        return directory != null;
    }
}
