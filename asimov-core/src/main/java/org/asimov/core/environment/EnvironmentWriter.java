package org.asimov.core.environment;

import java.nio.file.Path;

import org.asimov.core.io.AtomicFiles;

/** Writes a snapshot's files into a directory (a run directory, or wherever the user asks). */
public final class EnvironmentWriter {
    private EnvironmentWriter() {
    }

    public static EnvironmentFiles.Written write(EnvironmentSnapshot snapshot, Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Path pip = dir.resolve(EnvironmentFiles.PIP);
        AtomicFiles.writeString(pip, snapshot.pipFreeze());
        Path conda = null;
        if (snapshot.condaExport() != null) {
            conda = dir.resolve(EnvironmentFiles.CONDA);
            AtomicFiles.writeString(conda, snapshot.condaExport());
        }
        // metadata last: its presence says the capture in this directory is complete
        Path metadata = dir.resolve(EnvironmentFiles.METADATA);
        AtomicFiles.writeString(metadata, EnvironmentJson.render(snapshot));
        return new EnvironmentFiles.Written(metadata, pip, conda);
    }
}
