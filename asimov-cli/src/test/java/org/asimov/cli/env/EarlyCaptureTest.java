package org.asimov.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.system.SystemCaptureOptions;
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
        EarlyCapture early = EarlyCapture.startFor("--project", dir.toString(), "env", "capture", "--python", PYTHON.toString(),
                "--no-system");
        EnvironmentSnapshot snapshot = early.take(CaptureTarget.ofPython(PYTHON), null).orElseThrow().snapshot();
        EnvironmentSnapshot direct = PythonEnvironmentCapture.standard().capture(CaptureTarget.ofPython(PYTHON));
        assertThat(snapshot.fingerprint()).isEqualTo(direct.fingerprint());
        assertThat(snapshot.pipFreeze()).isEqualTo(direct.pipFreeze());
        assertThat(early.take(CaptureTarget.ofPython(PYTHON), null)).isEmpty();
    }

    @Test
    void theSystemPartIsCapturedEarlyWithTheOptionsTheFlagsName() {
        EarlyCapture early = EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString(), "--include-host");
        CaptureAndReport captured = early.take(CaptureTarget.ofPython(PYTHON),
                new SystemCaptureOptions(true, false, System.getenv())).orElseThrow();
        assertThat(captured.report()).isNotNull();
        assertThat(captured.report().system().hostname()).isNotBlank();
        assertThat(captured.report().libraries().osPackages()).isNotEmpty();
    }

    @Test
    void otherSystemOptionsGetNothing() {
        CaptureTarget target = CaptureTarget.ofPython(PYTHON);
        assertThat(EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString())
                .take(target, new SystemCaptureOptions(true, false, System.getenv()))).isEmpty();
        assertThat(EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString()).take(target, null)).isEmpty();
        assertThat(EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString(), "--no-system")
                .take(target, SystemCaptureOptions.defaults())).isEmpty();
    }

    @Test
    void theEqualsFormOfTheOptionCountsToo() {
        EarlyCapture early = EarlyCapture.startFor("env", "capture", "--python=" + PYTHON);
        assertThat(early.take(CaptureTarget.ofPython(PYTHON), SystemCaptureOptions.defaults())).isPresent();
    }

    @Test
    void anotherTargetGetsNothing() {
        EarlyCapture early = EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString());
        assertThat(early.take(CaptureTarget.ofPrefix(dir), SystemCaptureOptions.defaults())).isEmpty();
    }

    @Test
    void nothingStartsForOtherCommandsHelpOrContradictoryOptions() {
        CaptureTarget target = CaptureTarget.ofPython(PYTHON);
        SystemCaptureOptions defaults = SystemCaptureOptions.defaults();
        assertThat(EarlyCapture.startFor("env", "list", "--python", PYTHON.toString()).take(target, defaults)).isEmpty();
        assertThat(EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString(), "--help").take(target, defaults))
                .isEmpty();
        assertThat(EarlyCapture.startFor("env", "capture", "--python", PYTHON.toString(), "--prefix", dir.toString())
                .take(target, SystemCaptureOptions.defaults())).isEmpty();
    }

    @Test
    void aFailedEarlyCaptureLeavesTheCommandToCaptureAndReport() {
        Path notPython = dir.resolve("not-python");
        EarlyCapture early = EarlyCapture.startFor("env", "capture", "--python", notPython.toString());
        assertThat(early.take(CaptureTarget.ofPython(notPython), SystemCaptureOptions.defaults())).isEmpty();
    }
}
