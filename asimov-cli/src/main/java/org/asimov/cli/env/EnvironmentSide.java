package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentFilesReader;
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
     * @param store opened only when the side names a stored analysis, so comparing two
     *        directories never boots the database
     */
    static EnvironmentSide resolve(String spec, Supplier<Store> store) {
        EnvironmentReference reference = EnvironmentReference.parse(spec);
        if (reference.isDirectory()) {
            return new EnvironmentSide(spec, EnvironmentFilesReader.readDirectory(reference.directory()));
        }
        return new EnvironmentSide(spec, store.get().environments()
                .show(reference.event(), reference.analysis(), reference.phase()).environment());
    }
}
