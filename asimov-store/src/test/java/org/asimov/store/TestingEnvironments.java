package org.asimov.store;

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

/** Environment files as a capture writes them, made up for tests. */
final class TestingEnvironments {
    static final InterpreterInfo PYTHON_311 = python("3.11.7");

    private TestingEnvironments() {
    }

    static InterpreterInfo python(String version) {
        return new InterpreterInfo(version + " (main, Dec  4 2023, 18:10:11) [GCC 12.2.0]", version, "cpython",
                "/opt/envs/pe/bin/python", "/opt/envs/pe", "/usr", List.of("/opt/envs/pe/lib/python3.11/site-packages"),
                "linux-x86_64");
    }

    /** A virtualenv with {@code pip} as its freeze text. */
    static EnvironmentFiles.Written virtualenv(Path dir, InterpreterInfo python, String pip) {
        return write(dir, EnvironmentType.VIRTUALENV, python, pip, null);
    }

    static EnvironmentFiles.Written conda(Path dir, InterpreterInfo python, String pip, String conda) {
        return write(dir, EnvironmentType.CONDA, python, pip, conda);
    }

    private static EnvironmentFiles.Written write(Path dir, EnvironmentType type, InterpreterInfo python, String pip,
            String conda) {
        EnvironmentSnapshot snapshot = new EnvironmentSnapshot(Instant.parse("2024-03-01T10:15:30.123456Z"), type, python,
                conda == null ? null : "pe", pip, conda, List.of(), Fingerprint.of(python, pip, conda), List.of(), Map.of());
        return EnvironmentWriter.write(snapshot, dir);
    }

    /** A freeze text of {@code count} packages {@code pkg-0000==1.<seed>} ... plus the named extras. */
    static String freeze(int count, int seed, String... extra) {
        StringBuilder text = new StringBuilder();
        for (String line : extra) {
            text.append(line).append('\n');
        }
        for (int i = 0; i < count; i++) {
            text.append(String.format("pkg-%04d==1.%d%n", i, seed));
        }
        return text.toString();
    }
}
