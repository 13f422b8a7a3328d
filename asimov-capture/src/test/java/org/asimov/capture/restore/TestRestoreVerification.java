package org.asimov.capture.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.TestingPython;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real interpreters: pyenv's 3.12 base install, and a venv made from it. */
class TestRestoreVerification {
    @TempDir
    Path dir;

    private final PythonEnvironmentCapture capture = PythonEnvironmentCapture.standard();

    /** restore.sh always rebuilds into a venv: a system interpreter's record restored there is the same environment. */
    @Test
    void aSystemInterpretersRecordMatchesItsRestoredVenv() {
        Path python = TestingPython.pyenv("3.12");
        CapturedEnvironment record = recordOf(capture.capture(CaptureTarget.ofPython(python)));
        assertThat(record.type()).isEqualTo(EnvironmentType.SYSTEM);
        Path venv = dir.resolve("venv");
        TestingPython.venv(python, venv);

        RestoreVerification.Verified verified = new RestoreVerification(capture).verify(record, venv);

        assertThat(verified.restored().type()).isEqualTo(EnvironmentType.VIRTUALENV);
        assertThat(verified.diff().identical()).as(verified.diff().toString()).isTrue();
    }

    @Test
    void aDifferentInterpreterIsADifference() {
        CapturedEnvironment record = recordOf(capture.capture(CaptureTarget.ofPython(TestingPython.pyenv("3.12"))));
        Path venv = dir.resolve("venv311");
        TestingPython.venv(TestingPython.pyenv("3.11"), venv);

        RestoreVerification.Verified verified = new RestoreVerification(capture).verify(record, venv);

        assertThat(verified.diff().identical()).isFalse();
        assertThat(verified.diff().interpreter()).anySatisfy(change -> assertThat(change.field()).contains("version"));
    }

    private static CapturedEnvironment recordOf(EnvironmentSnapshot snapshot) {
        return new CapturedEnvironment(snapshot.fingerprint(), snapshot.type(), snapshot.interpreter().version(),
                snapshot.interpreter().sysVersion(), snapshot.interpreter().implementation(),
                snapshot.interpreter().platform(), snapshot.timestamp(), snapshot.packages());
    }
}
