package org.asimov.cli.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.capture.system.HostSystemCapture;
import org.asimov.capture.system.SystemCaptureOptions;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.lifecycle.EnvironmentTargets;

/**
 * The capture of {@code asimov env capture}, started on a second thread before the command line
 * is built. Building the injector and the commands is a few hundred milliseconds of cold JVM
 * work, and a capture is mostly the interpreter's start-up plus cold reads of metadata; side by
 * side on two cores they cost the longer of the two instead of their sum.
 *
 * <p>This is a guess from the raw arguments, made before picocli parses them: it reads only
 * {@code env capture} with {@code --python}/{@code --prefix} (or neither, for the active
 * environment) and the system part's flags, and resolves the target as {@link CaptureCommand}
 * does. picocli's parse stays the authority: the command takes the early capture only when it
 * asks for the very same target and options, and captures for itself otherwise, or when the
 * early capture failed (so errors are reported by the command, in its words). Capture only
 * reads the environment, so a guess that goes unused costs CPU time, nothing else.
 */
public final class EarlyCapture {
    private static final EarlyCapture NONE = new EarlyCapture(List.of());

    /** What follows {@code env capture}. */
    private final List<String> options;
    /** Set by the capture thread ({@code guessed} once they are); {@code null} target: no capture. */
    private CaptureTarget target;
    private SystemCaptureOptions systemOptions;
    private boolean guessed;
    /** Set by the capture thread ({@code finished} once it is); {@code null} when it failed. */
    private CaptureAndReport captured;
    private boolean finished;
    private boolean taken;

    private EarlyCapture(List<String> options) {
        this.options = options;
    }

    /** What a command line that started nothing early holds. */
    public static EarlyCapture none() {
        return NONE;
    }

    /**
     * Starts the capture {@code args} asks for, if they spell {@code env capture}. Everything
     * else, reading the options and resolving the target included, happens on the capture's own
     * thread: main goes on at once to start the injector, the longest chain of a capture's run.
     */
    public static EarlyCapture startFor(String... args) {
        List<String> words = List.of(args);
        int env = words.indexOf("env");
        if (env < 0 || env + 1 >= words.size() || !words.get(env + 1).equals("capture")) {
            return NONE;
        }
        EarlyCapture early = new EarlyCapture(words.subList(env + 2, words.size()));
        // a class rather than a lambda or a FutureTask: the first of either costs this thread
        // milliseconds of method-handle linking and class initialisation
        Thread thread = new Thread(new CaptureThread(early), "early-capture");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    /** What the early-capture thread runs. */
    private static final class CaptureThread implements Runnable {
        private final EarlyCapture early;

        CaptureThread(EarlyCapture early) {
            this.early = early;
        }

        @Override
        public void run() {
            openClassPath();
            early.guessAndCapture();
        }

        /**
         * Opens the class path's jar, as the first lookup that the class-data archive cannot
         * answer does: 5-10 ms of a cold JVM's time to read and index its 5,100 entries. That
         * lookup is java.util.logging's search for a logger service, when Guice starts it on
         * the injector's thread, the longest chain of a capture's run; this thread finishes
         * before it and has the time (the whole run 2-3 ms sooner).
         */
        private static void openClassPath() {
            EarlyCapture.class.getClassLoader().getResource("META-INF/MANIFEST.MF");
        }
    }

    /** The guess from the options, then, if there is one, the capture. */
    private void guessAndCapture() {
        CaptureTarget guessedTarget = null;
        SystemCaptureOptions guessedSystem = null;
        try {
            guessedTarget = guessTarget();
            if (guessedTarget != null) {
                guessedSystem = options.contains("--no-system") ? null
                        : new SystemCaptureOptions(options.contains("--include-host"), options.contains("--include-env"),
                                System.getenv());
            }
        } catch (RuntimeException e) {
            guessedTarget = null; // the command reports it (an AsimovException, say) in its own words
        } finally {
            guessed(guessedTarget, guessedSystem);
        }
        if (guessedTarget == null) {
            return;
        }
        CaptureAndReport result = null;
        try {
            PythonEnvironmentCapture.Started started = PythonEnvironmentCapture.start(new InterpreterProbe(), guessedTarget);
            // the system capture only when wanted: setting it up costs as much as the freeze
            result = CaptureAndReport.run(PythonEnvironmentCapture.standard(), started,
                    guessedSystem == null ? null : new HostSystemCapture(), guessedSystem);
        } catch (RuntimeException | Error e) {
            // the command captures for itself and reports the error in its own words
        } finally {
            finished(result);
        }
    }

    /**
     * The target the options name, resolved as {@link CaptureCommand} does; {@code null} when
     * they name none or contradict themselves.
     *
     * @throws RuntimeException where the command will report an error (an AsimovException for a
     *                          missing interpreter, an IllegalArgumentException for a bad path)
     */
    private CaptureTarget guessTarget() {
        if (options.contains("--help") || options.contains("-h")) {
            return null;
        }
        Path python = value(options, "--python");
        Path prefix = value(options, "--prefix");
        if (python != null && prefix != null) {
            return null;
        }
        return CaptureCommand.resolveTarget(python, prefix, new EnvironmentTargets(System.getenv()));
    }

    private synchronized void guessed(CaptureTarget guessedTarget, SystemCaptureOptions guessedSystem) {
        target = guessedTarget;
        systemOptions = guessedSystem;
        guessed = true;
        notifyAll();
    }

    private synchronized void finished(CaptureAndReport result) {
        captured = result;
        finished = true;
        notifyAll();
    }

    /**
     * The early capture, when one was started for exactly {@code wanted} with exactly these
     * system options and succeeded; waits for it to finish. It is handed out once. A capture of
     * another target is not waited for.
     *
     * @param wantedSystem {@code null} for no system part
     */
    synchronized Optional<CaptureAndReport> take(CaptureTarget wanted, SystemCaptureOptions wantedSystem) {
        if (this == NONE || taken) {
            return Optional.empty();
        }
        try {
            while (!guessed) {
                wait();
            }
            if (target == null || !target.equals(wanted) || !Objects.equals(systemOptions, wantedSystem)) {
                return Optional.empty();
            }
            taken = true;
            while (!finished) {
                wait();
            }
            return Optional.ofNullable(captured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE}, or {@code null}. */
    private static Path value(List<String> options, String name) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals(name) && i + 1 < options.size()) {
                return Path.of(options.get(i + 1));
            }
            if (option.startsWith(name + "=")) {
                return Path.of(option.substring(name.length() + 1));
            }
        }
        return null;
    }
}
