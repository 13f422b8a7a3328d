package org.asimov.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the machine's own Debian python3: a real interpreter, captured for real. */
class EarlyCaptureTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void theCommandTakesTheEarlySnapshotOfItsOwnTargetOnce() {
        EarlyCapture early = EarlyCapture.startFor("--project", dir.toString(), "env", "capture", "--python", PYTHON.toString());
        EnvironmentSnapshot snapshot = early.take(CaptureTarget.ofPython(PYTHON)).orElseThrow();
        EnvironmentSnapshot direct = PythonEnvironmentCapture.standard().capture(CaptureTarget.ofPython(PYTHON));
        assertThat(snapshot.fingerprint()).isEqualTo(direct.fingerprint());
        assertThat(snapshot.pipFreeze()).isEqualTo(direct.pipFreeze());
        assertThat(early.take(CaptureTarget.ofPython(PYTHON))).isEmpty();
    }

    @Test
    void theEqualsFormOfTheOptionCountsToo() {
        EarlyCapture early = EarlyCapture.startFor("env", "capture", "--python=" + PYTHON);
        assertThat(early.take(CaptureTarget.ofPython(PYTHON))).isPresent();
    }

    @Test
    void anotherTargetGetsNothing() {
        EarlyCapture early = EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString());
        assertThat(early.take(CaptureTarget.ofPrefix(dir))).isEmpty();
    }

    @Test
    void nothingStartsForOtherCommandsHelpOrContradictoryOptions() {
        CaptureTarget target = CaptureTarget.ofPython(PYTHON);
        assertThat(EarlyCapture.startFor("env", "list", "--python", PYTHON.toString()).take(target)).isEmpty();
        assertThat(EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString(), "--help").take(target)).isEmpty();
        assertThat(EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString(), "--prefix", dir.toString())
                .take(target)).isEmpty();
    }

    @Test
    void aFailedEarlyCaptureLeavesTheCommandToCaptureAndReport() {
        Path notPython = dir.resolve("not-python");
        EarlyCapture early = EarlyCapture.startFor("env", "capture", "--python", notPython.toString());
        assertThat(early.take(CaptureTarget.ofPython(notPython))).isEmpty();
    }
}
