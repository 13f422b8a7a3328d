package org.asimov.capture.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.asimov.capture.TestingPython;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe bin/asimov starts before the JVM: taken for exactly its interpreter, once, and run
 * again here whenever it did not answer whole (LauncherScriptIT runs it through the launcher).
 * The launched answers here are written by hand, with a version no interpreter has, so that a
 * test can tell them from a run here.
 */
class TestLaunchedProbe {
    private static final Path PYTHON = TestingPython.pyenv("3.12");
    private static final String LAUNCHED_VERSION = "3.99.1";

    @TempDir
    Path tmp;

    @AfterEach
    void noLaunchedProbeLeft() {
        System.clearProperty(LaunchedProbe.PYTHON);
        System.clearProperty(LaunchedProbe.ANSWER);
        System.clearProperty(LaunchedProbe.PID);
    }

    @Test
    void theLaunchedAnswerIsTakenOnceForItsInterpreter() throws IOException {
        launched(PYTHON, answer() + LaunchedProbe.EXIT_MARK + "0", ProcessHandle.current().pid());

        assertThat(new InterpreterProbe().probe(PYTHON).info().version()).isEqualTo(LAUNCHED_VERSION);
        assertThat(System.getProperty(LaunchedProbe.PYTHON)).as("claimed").isNull();
        assertThat(new InterpreterProbe().probe(PYTHON).info().version()).startsWith("3.12.");
    }

    @Test
    void anotherInterpretersAnswerIsNotTaken() throws IOException {
        launched(TestingPython.pyenv("3.11"), answer() + LaunchedProbe.EXIT_MARK + "0", ProcessHandle.current().pid());

        assertThat(new InterpreterProbe().probe(PYTHON).info().version()).startsWith("3.12.");
        assertThat(System.getProperty(LaunchedProbe.PYTHON)).as("left for its own interpreter").isNotNull();
    }

    /** The launched run had none of them: variables of its own make it another run. */
    @Test
    void aProbeWithVariablesOfItsOwnRunsItsOwn() throws IOException {
        launched(PYTHON, answer() + LaunchedProbe.EXIT_MARK + "0", ProcessHandle.current().pid());

        assertThat(new InterpreterProbe(Duration.ofSeconds(30), Map.of("PYTHONUSERBASE", tmp.toString())).probe(PYTHON)
                .info().version()).startsWith("3.12.");
    }

    /** Its standard error went nowhere: a run here says why, in the interpreter's words. */
    @Test
    void aFailedLaunchedRunIsRunAgainHere() throws IOException {
        launched(PYTHON, "Fatal Python error" + LaunchedProbe.EXIT_MARK + "1", ProcessHandle.current().pid());

        assertThat(new InterpreterProbe().probe(PYTHON).info().version()).startsWith("3.12.");
    }

    @Test
    void anAnswerCutShortIsRunAgainHere() throws IOException {
        String whole = answer();
        launched(PYTHON, whole.substring(0, whole.length() / 2), ProcessHandle.current().pid());

        assertThat(new InterpreterProbe().probe(PYTHON).info().version()).startsWith("3.12.");
    }

    @Test
    void aLaunchedRunThatDoesNotAnswerIsKilledAtTheTimeout() throws Exception {
        Path fifo = tmp.resolve("answer");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // a writer that holds the pipe open and never writes, as an interpreter that hangs does
        Process stuck = new ProcessBuilder("sh", "-c", "exec sleep 60 > '" + fifo + "'").start();
        try {
            System.setProperty(LaunchedProbe.PYTHON, PYTHON.toString());
            System.setProperty(LaunchedProbe.ANSWER, fifo.toString());
            System.setProperty(LaunchedProbe.PID, Long.toString(stuck.pid()));

            assertThatThrownBy(() -> new InterpreterProbe(Duration.ofMillis(300), Map.of()).probe(PYTHON))
                    .isInstanceOf(AsimovException.class)
                    .hasMessageContaining("did not answer within 300 ms")
                    .satisfies(e -> assertThat(((AsimovException) e).kind()).isEqualTo(ErrorKind.CAPTURE_FAILED));
            assertThat(stuck.waitFor(5, TimeUnit.SECONDS)).as("killed").isTrue();
        } finally {
            stuck.destroyForcibly();
        }
    }

    /** What the probe script prints, for an interpreter that does not exist. */
    private static String answer() {
        return String.join("\0", List.of(InterpreterProbe.MAGIC, LAUNCHED_VERSION + " (main, Jan  1 2030) [GCC 14]",
                LAUNCHED_VERSION, "cpython", PYTHON.toString(), "/opt/python", "/opt/python", "linux-x86_64", "1",
                "/opt/python/lib/python3.99", "/opt/python/lib/python3.99/site-packages"));
    }

    private void launched(Path python, String answer, long pid) throws IOException {
        Path file = tmp.resolve("answer");
        Files.writeString(file, answer);
        System.setProperty(LaunchedProbe.PYTHON, python.toString());
        System.setProperty(LaunchedProbe.ANSWER, file.toString());
        System.setProperty(LaunchedProbe.PID, Long.toString(pid));
    }
}
