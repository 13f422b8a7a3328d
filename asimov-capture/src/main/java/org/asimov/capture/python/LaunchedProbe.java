package org.asimov.capture.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.asimov.capture.process.ProcessRunner;
import org.asimov.capture.process.StreamDrain;

/**
 * The interpreter probe that bin/asimov starts for {@code env capture} before it starts the JVM.
 * The JVM takes about 30 ms to start, on one core; started there, the interpreter runs beside it
 * instead of beside the injector and the command line, and the JVM starts no process of its own
 * (10 ms of its time, cold). The launcher names the interpreter as asimov would resolve it, for
 * the common targets only ({@code --python}, {@code --prefix}, the active environment), and says
 * what it started in system properties:
 *
 * <ul>
 *   <li>{@value #PYTHON}: the executable it ran, as {@code python -B -c <probe.py>};
 *   <li>{@value #ANSWER}: where the answer comes, a pipe ({@code /dev/fd/N}): the interpreter's
 *       standard output, then a NUL, {@code asimov-probe-exit } and its exit status;
 *   <li>{@value #PID}: the process that writes it, killed if it takes too long.
 * </ul>
 *
 * <p>The launcher runs the probe.py of the source tree it builds asimov from, and builds before
 * it runs whenever a source is newer than the jar: the script is this jar's. The answer is
 * taken once, by the first probe of exactly that executable without variables of its own. The
 * launcher's guess is only a head start: for any other interpreter the probe runs its own, and
 * it runs its own too when the launched one did not answer whole or failed (its standard error
 * went nowhere; a run here says why, in the interpreter's words). The JVM does not wait for the
 * launched process, which it did not start: once the JVM has ended, the system reaps it.
 */
final class LaunchedProbe {
    static final String PYTHON = "asimov.probe.python";
    static final String ANSWER = "asimov.probe.answer";
    static final String PID = "asimov.probe.pid";
    /** What the launcher writes after the interpreter's output, before the exit status. */
    static final String EXIT_MARK = "\0asimov-probe-exit ";

    private final StreamDrain answer;
    private final long pid;

    private LaunchedProbe(StreamDrain answer, long pid) {
        this.answer = answer;
        this.pid = pid;
    }

    /**
     * The launched probe, if the launcher started one of {@code python}: once. The properties
     * are cleared, so that no other probe (in another class loader, say) takes it again.
     */
    static synchronized Optional<LaunchedProbe> claim(Path python) {
        String launchedPython = System.getProperty(PYTHON);
        String answer = System.getProperty(ANSWER);
        String pid = System.getProperty(PID);
        if (launchedPython == null || answer == null || pid == null
                || !Path.of(launchedPython).normalize().equals(python.normalize())) {
            return Optional.empty();
        }
        System.clearProperty(PYTHON);
        System.clearProperty(ANSWER);
        System.clearProperty(PID);
        try {
            long writer = Long.parseLong(pid);
            return Optional.of(new LaunchedProbe(StreamDrain.start(Files.newInputStream(Path.of(answer)), "launched-probe"),
                    writer));
        } catch (IOException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /**
     * What the launched interpreter answered, as a run of it here would give it (its standard
     * error aside); a timed-out result, once the process is killed, when it took longer than
     * {@code timeout}; empty when the answer is not whole.
     */
    Optional<ProcessRunner.Result> await(Duration timeout) throws InterruptedException {
        if (!answer.awaitEnd(timeout)) {
            ProcessHandle.of(pid).ifPresent(LaunchedProbe::kill);
            return Optional.of(new ProcessRunner.Result(-1, "", "", true));
        }
        // the launcher writes the mark only once the interpreter has ended: without it, the pipe broke
        String text = answer.text();
        int mark = text.lastIndexOf(EXIT_MARK);
        if (mark < 0) {
            return Optional.empty();
        }
        try {
            int exit = Integer.parseInt(text.substring(mark + EXIT_MARK.length()).strip());
            return Optional.of(new ProcessRunner.Result(exit, text.substring(0, mark), "", false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void kill(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
