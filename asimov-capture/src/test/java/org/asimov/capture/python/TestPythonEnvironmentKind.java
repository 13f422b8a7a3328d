package org.asimov.capture.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.asimov.core.environment.EnvironmentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment type and conda's environment name, from the prefix on disk. */
class TestPythonEnvironmentKind {
    @Test
    void condaRootEnvAndOtherPrefixes(@TempDir Path tmp) throws IOException {
        Path root = condaPrefix(tmp.resolve("miniconda3"));
        Files.createDirectories(root.resolve("envs"));
        Path named = condaPrefix(root.resolve("envs").resolve("igwn-py311"));
        Path elsewhere = condaPrefix(tmp.resolve("projects").resolve("env"));

        assertThat(PythonEnvironmentKind.of(root.toString(), root.toString()))
                .isEqualTo(new PythonEnvironmentKind(EnvironmentType.CONDA, "base"));
        assertThat(PythonEnvironmentKind.of(named.toString(), root.toString()))
                .isEqualTo(new PythonEnvironmentKind(EnvironmentType.CONDA, "igwn-py311"));
        assertThat(PythonEnvironmentKind.of(elsewhere.toString(), elsewhere.toString()))
                .isEqualTo(new PythonEnvironmentKind(EnvironmentType.CONDA, elsewhere.toString()));
    }

    @Test
    void virtualenvAndSystem(@TempDir Path tmp) {
        assertThat(PythonEnvironmentKind.of(tmp.resolve("venv").toString(), "/usr").type()).isEqualTo(EnvironmentType.VIRTUALENV);
        assertThat(PythonEnvironmentKind.of("/usr", "/usr").type()).isEqualTo(EnvironmentType.SYSTEM);
    }

    private static Path condaPrefix(Path prefix) throws IOException {
        Files.createDirectories(prefix.resolve("conda-meta"));
        Files.writeString(prefix.resolve("conda-meta").resolve("history"), "==> 2024-01-01 00:00:00 <==\n");
        return prefix;
    }
}
