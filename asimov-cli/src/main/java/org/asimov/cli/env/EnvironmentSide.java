package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentFilesReader;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.names.SafeName;
import org.asimov.store.Store;

/**
 * One side of {@code env diff}: a directory holding environment files (a run directory, or
 * what {@code env capture --output} wrote), or {@code EVENT/ANALYSIS[@PHASE]} in the store.
 *
 * @param label how the side is named in the output: what the user typed
 */
record EnvironmentSide(String label, CapturedEnvironment environment) {
    EnvironmentSide {
        requireNonNull(label, "label is null");
        requireNonNull(environment, "environment is null");
    }

    /**
     * A directory wins over a stored analysis of the same spelling, since the user can see it.
     *
     * @param store opened only when the side names a stored analysis, so comparing two
     *        directories never boots the database
     */
    static EnvironmentSide resolve(String spec, Supplier<Store> store) {
        Path directory = Path.of(spec);
        if (Files.isDirectory(directory)) {
            return new EnvironmentSide(spec, EnvironmentFilesReader.readDirectory(directory));
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
        return new EnvironmentSide(spec, store.get().environments().show(parts[0], parts[1], phase).environment());
    }
}
