package org.asimov.cli.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.capture.system.HostSystemCapture;
import org.asimov.capture.system.SystemCaptureOptions;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.error.AsimovException;
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
    private static final EarlyCapture NONE = new EarlyCapture(null, null, null);

    private final CaptureTarget target;
    private final SystemCaptureOptions systemOptions;
    /** {@code null} once taken. */
    private FutureTask<CaptureAndReport> captured;

    private EarlyCapture(CaptureTarget target, SystemCaptureOptions systemOptions,
            FutureTask<CaptureAndReport> captured) {
        this.target = target;
        this.systemOptions = systemOptions;
        this.captured = captured;
    }

    /** What a command line that started nothing early holds. */
    public static EarlyCapture none() {
        return NONE;
    }

    public static EarlyCapture startFor(String... args) {
        List<String> words = List.of(args);
        int env = words.indexOf("env");
        if (env < 0 || env + 1 >= words.size() || !words.get(env + 1).equals("capture")) {
            return NONE;
        }
        List<String> options = words.subList(env + 2, words.size());
        if (options.contains("--help") || options.contains("-h")) {
            return NONE;
        }
        CaptureTarget target;
        try {
            Path python = value(options, "--python");
            Path prefix = value(options, "--prefix");
            if (python != null && prefix != null) {
                return NONE;
            }
            target = CaptureCommand.resolveTarget(python, prefix, new EnvironmentTargets(System.getenv()));
        } catch (AsimovException | IllegalArgumentException e) {
            return NONE; // the command will report it, in its own words
        }
        SystemCaptureOptions systemOptions = options.contains("--no-system") ? null
                : new SystemCaptureOptions(options.contains("--include-host"), options.contains("--include-env"),
                        System.getenv());
        // Everything, starting the interpreter included, happens on another thread while this one
        // builds the commands: even loading the capture's classes and spawning a process cost
        // this thread tens of milliseconds. A FutureTask rather than a CompletableFuture, whose
        // class initialisation starts the common fork-join pool.
        FutureTask<CaptureAndReport> captured = new FutureTask<>(() -> {
            PythonEnvironmentCapture.Started started = PythonEnvironmentCapture.start(new InterpreterProbe(), target);
            // the system capture only when wanted: setting it up costs as much as the freeze
            return CaptureAndReport.run(PythonEnvironmentCapture.standard(), started,
                    systemOptions == null ? null : new HostSystemCapture(), systemOptions);
        });
        Thread thread = new Thread(captured, "early-capture");
        thread.setDaemon(true);
        thread.start();
        return new EarlyCapture(target, systemOptions, captured);
    }

    /**
     * The early capture, when one was started for exactly {@code wanted} with exactly these
     * system options and succeeded; waits for it to finish. It is handed out once.
     *
     * @param wantedSystem {@code null} for no system part
     */
    synchronized Optional<CaptureAndReport> take(CaptureTarget wanted, SystemCaptureOptions wantedSystem) {
        if (captured == null || !target.equals(wanted) || !Objects.equals(systemOptions, wantedSystem)) {
            return Optional.empty();
        }
        FutureTask<CaptureAndReport> started = captured;
        captured = null;
        try {
            return Optional.of(started.get());
        } catch (ExecutionException e) {
            return Optional.empty();
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
