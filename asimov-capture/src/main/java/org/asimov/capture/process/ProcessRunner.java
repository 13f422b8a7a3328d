package org.asimov.capture.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a short external command (an interpreter probe, git, pip) to completion with a timeout,
 * capturing both output streams. Each stream is drained by its own thread, so a command that
 * fills one pipe while we wait on the other cannot stall.
 */
public final class ProcessRunner {
    private ProcessRunner() {
    }

    /**
     * What a finished (or abandoned) command left behind.
     *
     * @param exitCode the exit status; meaningless when {@code timedOut}
     * @param timedOut the command was killed for taking longer than allowed
     */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }
    }

    /**
     * @param directory   working directory, or {@code null} for ours
     * @param environment variables set on top of ours
     * @throws IOException when the command cannot be started (for instance, it does not exist)
     */
    public static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        return run(command, directory, environment, timeout, null);
    }

    /**
     * The same, handing each line either stream prints to {@code lines} as it comes, for a
     * longer command whose progress a person watches (both streams, from their drain threads).
     *
     * @param lines receives each line as it is printed, {@code null} for none
     */
    public static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
            Consumer<String> lines) throws IOException, InterruptedException {
        return start(command, directory, environment, lines).await(timeout);
    }

    /**
     * Starts a command and returns at once, so that other work can go on while it runs; its
     * output is drained from the start.
     *
     * @throws IOException when the command cannot be started
     */
    public static Running start(List<String> command, Path directory, Map<String, String> environment) throws IOException {
        return start(command, directory, environment, null);
    }

    private static Running start(List<String> command, Path directory, Map<String, String> environment,
            Consumer<String> lines) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new Running(process, StreamDrain.start(process.getInputStream(), lines, "process-drain"),
                StreamDrain.start(process.getErrorStream(), lines, "process-drain"));
    }

    /** A started command. */
    public static final class Running {
        private final Process process;
        private final StreamDrain out;
        private final StreamDrain err;

        private Running(Process process, StreamDrain out, StreamDrain err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** Waits for the command to end, killing it when it takes longer than {@code timeout}. */
        public Result await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, out.text(), err.text(), true);
            }
            return new Result(process.exitValue(), out.text(), err.text(), false);
        }
    }
}
