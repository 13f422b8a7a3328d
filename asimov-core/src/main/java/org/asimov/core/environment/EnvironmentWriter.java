package org.asimov.core.environment;

import java.nio.file.Path;

import org.asimov.core.io.AtomicFiles;
import org.asimov.core.system.SystemPackagesText;
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
        Path dir = directory.toAbsolutePath().normalize();
        if (system != null) {
            AtomicFiles.writeString(dir.resolve(EnvironmentFiles.SYSTEM), SystemPackagesText.render(system));
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
        AtomicFiles.writeString(metadata, system == null ? EnvironmentJson.render(snapshot) : EnvironmentJson.render(snapshot, system));
        return new EnvironmentFiles.Written(metadata, pip, conda);
    }
}
