package org.asimov.capture.python;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.asimov.capture.process.ProcessRunner;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * One short run of the target interpreter that prints what it is.
 *
 * <p>Flags: not {@code -I}, because isolated mode ({@code -E -s -P}) drops the user site and
 * PYTHONPATH, both of which {@code python -m pip freeze} sees. The run is {@code python -B -c}:
 * {@code -B} so that nothing is written into the environment; {@code -c} puts {@code ''} first on
 * sys.path, the counterpart of the working directory that pip's {@code __main__} removes, and the
 * script removes it the same way. Site processing (.pth files, user site) runs as at a normal start.
 *
 * <p>The interpreter's run is most of a capture's time, so the script (probe.py, beside this
 * class) imports only what is cheap. It answers in NUL-separated fields rather than JSON
 * ({@code import json} costs the interpreter about 8 ms, and parsing JSON costs this side a JSON
 * library's start-up): no field can hold a NUL, while sys.version can hold a newline. Path bytes
 * that are not UTF-8 are kept (surrogateescape) instead of failing the probe.
 *
 * <p>For {@code env capture}, bin/asimov starts the run before the JVM, and the probe takes its
 * answer (see {@link LaunchedProbe}).
 */
public final class InterpreterProbe {
    /** The first field of every answer: it tells the probe's answer from a program that prints something else. */
    static final String MAGIC = "asimov-probe-1";

    /** The fields before sys.path's entries, MAGIC included. */
    private static final int FIXED_FIELDS = 9;

    /** Long enough for a cold start of a conda Python on a network file system. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Duration timeout;
    private final Map<String, String> extraEnvironment;

    @Inject
    public InterpreterProbe() {
        this(DEFAULT_TIMEOUT, Map.of());
    }

    /**
     * @param extraEnvironment variables set for the probe on top of asimov's own (e.g. the
     *                         PYTHONUSERBASE of the shell the analysis will run in)
     */
    public InterpreterProbe(Duration timeout, Map<String, String> extraEnvironment) {
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.extraEnvironment = Map.copyOf(requireNonNull(extraEnvironment, "extraEnvironment is null"));
    }

    public ProbedInterpreter probe(Path python) {
        return start(python).await();
    }

    /**
     * Starts the interpreter and returns at once: its start-up, most of a probe, can then
     * overlap other work.
     *
     * @throws AsimovException NOT_FOUND or CAPTURE_FAILED when {@code python} cannot be run
     */
    public Pending start(Path python) {
        if (!Files.exists(python)) {
            throw new AsimovException(ErrorKind.NOT_FOUND,
                    "no Python interpreter at " + python + ": give the path of an existing python executable or environment prefix");
        }
        if (Files.isDirectory(python) || !Files.isExecutable(python)) {
            throw new AsimovException(ErrorKind.CAPTURE_FAILED,
                    python + " is not an executable file: give the path of a python executable");
        }
        if (extraEnvironment.isEmpty()) {
            Optional<LaunchedProbe> launched = LaunchedProbe.claim(python);
            if (launched.isPresent()) {
                return new Pending(python, launched.get());
            }
        }
        return new Pending(python, run(python));
    }

    private ProcessRunner.Running run(Path python) {
        try {
            return ProcessRunner.start(List.of(python.toString(), "-B", "-c", Script.TEXT), null, extraEnvironment);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.CAPTURE_FAILED, "could not run " + python + ": " + e.getMessage(), e);
        }
    }

    /** A probe whose interpreter is running: started here, or by bin/asimov. */
    public final class Pending {
        private final Path python;
        /** One of the two is {@code null}. */
        private final LaunchedProbe launched;
        private final ProcessRunner.Running running;

        private Pending(Path python, ProcessRunner.Running running) {
            this.python = python;
            this.launched = null;
            this.running = running;
        }

        private Pending(Path python, LaunchedProbe launched) {
            this.python = python;
            this.launched = launched;
            this.running = null;
        }

        /** Waits for the interpreter's answer. */
        public ProbedInterpreter await() {
            ProcessRunner.Result result;
            try {
                if (launched == null) {
                    result = running.await(timeout);
                } else {
                    result = launched.await(timeout).orElse(null);
                    if (result == null || !result.ok() && !result.timedOut()) {
                        // not whole, or failed: run here, for the error in the interpreter's own words
                        result = run(python).await(timeout);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AsimovException(ErrorKind.CAPTURE_FAILED, "interrupted while probing " + python, e);
            }
            if (result.timedOut()) {
                throw new AsimovException(ErrorKind.CAPTURE_FAILED,
                        python + " did not answer within " + timeout.toMillis() + " ms: is it a Python interpreter?");
            }
            if (result.exitCode() != 0) {
                throw new AsimovException(ErrorKind.CAPTURE_FAILED, python + " is not a working Python 3 interpreter (exit "
                        + result.exitCode() + "): " + result.stderr().strip());
            }
            return parse(python, result.stdout());
        }
    }

    /**
     * probe.py beside this class, read on the first run here: a cold JVM takes 5-15 ms to open
     * a resource in its jar, which a capture whose probe bin/asimov started never needs.
     */
    static final class Script {
        static final String TEXT = read();

        private Script() {
        }

        private static String read() {
            try (InputStream script = InterpreterProbe.class.getResourceAsStream("probe.py")) {
                if (script == null) {
                    throw new IllegalStateException("probe.py is missing beside " + InterpreterProbe.class.getName()
                            + "; rebuild asimov (mvn -B package -DskipTests)");
                }
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read probe.py beside " + InterpreterProbe.class.getName(), e);
            }
        }
    }

    static ProbedInterpreter parse(Path python, String answer) {
        // what a .pth file or sitecustomize printed at start-up comes before the answer
        int start = answer.lastIndexOf(MAGIC + "\0");
        List<String> fields = List.of(answer.substring(Math.max(start, 0)).split("\0", -1));
        if (fields.size() < FIXED_FIELDS || !fields.get(0).equals(MAGIC)
                || !(fields.get(8).equals("0") || fields.get(8).equals("1"))) {
            String shown = answer.length() > 200 ? answer.substring(0, 200) + "..." : answer;
            throw new AsimovException(ErrorKind.CAPTURE_FAILED,
                    python + " did not answer like a Python 3 interpreter: " + shown.replace('\0', ' ').strip());
        }
        InterpreterInfo info = new InterpreterInfo(fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                fields.get(5), fields.get(6), fields.subList(FIXED_FIELDS, fields.size()), fields.get(7));
        return new ProbedInterpreter(info, fields.get(8).equals("1"));
    }
}
