package org.asimov.cli.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentSnapshot;
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
 * environment) and resolves the target as {@link CaptureCommand} does. picocli's parse stays the
 * authority: the command takes the early snapshot only when it asks for the very same target,
 * and captures for itself otherwise, or when the early capture failed (so errors are reported by
 * the command, in its words). Capture only reads the environment, so a guess that goes unused
 * costs CPU time, nothing else.
 */
public final class EarlyCapture {
    private static final EarlyCapture NONE = new EarlyCapture(null, null);

    private final CaptureTarget target;
    /** {@code null} once taken. */
    private CompletableFuture<EnvironmentSnapshot> snapshot;

    private EarlyCapture(CaptureTarget target, CompletableFuture<EnvironmentSnapshot> snapshot) {
        this.target = target;
        this.snapshot = snapshot;
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
        // The interpreter starts on this thread, at once; everything else (loading the capture,
        // its JSON and conda readers) happens on the other, while this one builds the commands.
        PythonEnvironmentCapture.Started started = PythonEnvironmentCapture.start(new InterpreterProbe(), target);
        CompletableFuture<EnvironmentSnapshot> snapshot = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                snapshot.complete(PythonEnvironmentCapture.standard().finish(started));
            } catch (RuntimeException e) {
                snapshot.completeExceptionally(e);
            }
        }, "early-capture");
        thread.setDaemon(true);
        thread.start();
        return new EarlyCapture(target, snapshot);
    }

    /**
     * The early snapshot, when one was started for exactly {@code wanted} and succeeded; waits
     * for it to finish. Each snapshot is handed out once.
     */
    synchronized Optional<EnvironmentSnapshot> take(CaptureTarget wanted) {
        if (snapshot == null || !target.equals(wanted)) {
            return Optional.empty();
        }
        CompletableFuture<EnvironmentSnapshot> started = snapshot;
        snapshot = null;
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
