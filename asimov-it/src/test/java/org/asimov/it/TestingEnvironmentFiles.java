package org.asimov.it;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.environment.EnvironmentWriter;
import org.asimov.core.environment.Fingerprint;
import org.asimov.core.environment.InterpreterInfo;

/** Environment files exactly as a capture writes them, for made-up environments. */
final class TestingEnvironmentFiles {
    private TestingEnvironmentFiles() {
    }

    static InterpreterInfo python(String version) {
        return new InterpreterInfo(version + " (main, Dec  4 2023, 18:10:11) [GCC 12.2.0]", version, "cpython",
                "/opt/envs/pe/bin/python", "/opt/envs/pe", "/usr", List.of("/opt/envs/pe/lib/site-packages"), "linux-x86_64");
    }

    /** @param conda {@code null} for a virtualenv */
    static EnvironmentFiles.Written write(Path dir, String pythonVersion, String pip, String conda) {
        InterpreterInfo python = python(pythonVersion);
        EnvironmentSnapshot snapshot = new EnvironmentSnapshot(Instant.parse("2024-03-01T10:15:30.123456Z"),
                conda == null ? EnvironmentType.VIRTUALENV : EnvironmentType.CONDA, python, conda == null ? null : "pe",
                pip, conda, List.of(), Fingerprint.of(python, pip, conda), List.of(), Map.of());
        return EnvironmentWriter.write(snapshot, dir);
    }
}
