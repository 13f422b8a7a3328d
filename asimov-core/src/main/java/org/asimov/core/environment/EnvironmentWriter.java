package org.asimov.core.environment;

import java.nio.file.Path;

import org.asimov.core.io.AtomicFiles;
import org.asimov.core.system.SystemReport;

/** Writes a snapshot's files into a directory (a run directory, or wherever the user asks). */
public final class EnvironmentWriter {
    private EnvironmentWriter() {
    }

    public static EnvironmentFiles.Written write(EnvironmentSnapshot snapshot, Path directory) {
        return write(snapshot, null, directory);
    }

    /**
     * Writes the snapshot's files and, when {@code system} is given, environment-system.txt and
     * the system objects of environment.json.
     */
    public static EnvironmentFiles.Written write(EnvironmentSnapshot snapshot, SystemReport system, Path directory) {
        return write(RenderedEnvironment.of(snapshot, system), directory);
    }

    /** Writes files rendered beforehand (on the capturing thread, say). */
    public static EnvironmentFiles.Written write(RenderedEnvironment rendered, Path directory) {
        EnvironmentSnapshot snapshot = rendered.snapshot();
        Path dir = directory.toAbsolutePath().normalize();
        if (rendered.systemPackages() != null) {
            AtomicFiles.writeString(dir.resolve(EnvironmentFiles.SYSTEM), rendered.systemPackages());
        }
        Path pip = dir.resolve(EnvironmentFiles.PIP);
        AtomicFiles.writeString(pip, snapshot.pipFreeze());
        Path conda = null;
        if (snapshot.condaExport() != null) {
            conda = dir.resolve(EnvironmentFiles.CONDA);
            AtomicFiles.writeString(conda, snapshot.condaExport());
        }
        // metadata last: its presence says the capture in this directory is complete
        Path metadata = dir.resolve(EnvironmentFiles.METADATA);
        AtomicFiles.writeString(metadata, rendered.metadata());
        return new EnvironmentFiles.Written(metadata, pip, conda);
    }
}
