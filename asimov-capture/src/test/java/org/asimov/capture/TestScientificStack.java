package org.asimov.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.asimov.capture.conda.CondaMetaExporter;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** numpy, scipy, h5py and astropy (compiled extensions) from the local mirror, in one venv shared by the class. */
class TestScientificStack {
    @TempDir
    static Path tmp;

    static Path python;

    @BeforeAll
    static void installStack() {
        python = TestingPython.venv(TestingPython.pyenv("3.11"), tmp.resolve("venv"));
        TestingPython.run(tmp, Map.of(), List.of(python.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-cache-dir",
                "--index-url", "file:///opt/pypi/simple", "numpy", "scipy", "h5py", "astropy"));
    }

    @Test
    void captureEqualsPipFreeze() {
        EnvironmentSnapshot snapshot = new PythonEnvironmentCapture(new InterpreterProbe(), CondaMetaExporter.standard())
                .capture(CaptureTarget.ofPrefix(tmp.resolve("venv")));

        assertThat(snapshot.pipFreeze()).isEqualTo(TestingPython.realFreeze(python, Map.of()));
        assertThat(snapshot.pipFreeze()).contains("numpy==", "scipy==", "h5py==", "astropy==");
        assertThat(snapshot.type()).isEqualTo(EnvironmentType.VIRTUALENV);
        assertThat(snapshot.condaEnvName()).isNull();
        assertThat(snapshot.interpreter().prefix()).isEqualTo(tmp.resolve("venv").toString());
        assertThat(snapshot.countPackages("pip")).isEqualTo(snapshot.pipFreeze().lines().count());
        assertThat(snapshot.timingsMillis()).containsKeys("probe", "pip", "total");
    }

    @Test
    void fingerprintIsStableAcrossCaptures() {
        PythonEnvironmentCapture capture = new PythonEnvironmentCapture(new InterpreterProbe(), CondaMetaExporter.standard());
        EnvironmentSnapshot first = capture.capture(CaptureTarget.ofPython(python));
        EnvironmentSnapshot second = capture.capture(CaptureTarget.ofPrefix(tmp.resolve("venv")));
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).hasSize(64);
    }

    @Test
    void selfCheckFindsNoDifference() {
        EnvironmentSnapshot snapshot = new PythonEnvironmentCapture(new InterpreterProbe(), CondaMetaExporter.standard())
                .capture(CaptureTarget.ofPython(python));
        PipFreezeCheck.Result check = new PipFreezeCheck().check(snapshot);
        assertThat(check.identical()).isTrue();
        assertThat(check.onlyNative()).isEmpty();
        assertThat(check.onlyPip()).isEmpty();
    }
}
