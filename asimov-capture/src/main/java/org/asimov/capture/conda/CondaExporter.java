package org.asimov.capture.conda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Produces what {@code conda list --export} prints for a conda prefix, without a conda binary
 * and without writing anything into the prefix.
 */
public interface CondaExporter {
    /**
     * Exports {@code prefix}.
     *
     * @return empty when {@code prefix} has no {@code conda-meta/history}, the file conda itself
     *         uses to decide whether a directory is a conda environment
     */
    Optional<CondaExport> export(Path prefix);

    /** conda's own test for an environment: the prefix has {@code conda-meta/history}. */
    static boolean isCondaPrefix(Path prefix) {
        return Files.isRegularFile(prefix.resolve("conda-meta").resolve("history"));
    }
}
