package org.asimov.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.asimov.capture.pip.FreezeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The native freeze equals the real {@code python -m pip freeze}, byte for byte, on real interpreters. */
class TestPipFreezeMatchesPip {
    @ParameterizedTest
    @ValueSource(strings = {"3.8", "3.9", "3.10", "3.11", "3.12", "3.13"})
    void pyenvBaseInstall(String minor) {
        Path python = TestingPython.pyenv(minor);
        assertThat(TestingPython.nativeFreeze(python).text()).isEqualTo(TestingPython.realFreeze(python, Map.of()));
    }

    /** 3.8, 3.11, 3.12 and 3.13 venvs are checked fresh in {@link TestFreezeScenarios} before it installs anything. */
    @ParameterizedTest
    @ValueSource(strings = {"3.9", "3.10"})
    void freshVenv(String minor, @TempDir Path dir) {
        Path python = TestingPython.venv(TestingPython.pyenv(minor), dir.resolve("venv"));
        FreezeResult result = TestingPython.nativeFreeze(python);
        assertThat(result.text()).isEqualTo(TestingPython.realFreeze(python, Map.of()));
    }

    @Test
    void debianSystemPython() {
        Path python = Path.of("/usr/bin/python3");
        assertThat(TestingPython.nativeFreeze(python).text()).isEqualTo(TestingPython.realFreeze(python, Map.of()));
    }
}
