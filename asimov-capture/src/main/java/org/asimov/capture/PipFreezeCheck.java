package org.asimov.capture;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.asimov.capture.process.ProcessRunner;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * {@code asimov env capture --check}: runs the real {@code python -m pip freeze} of the captured
 * environment and compares it with the native result.
 */
public final class PipFreezeCheck {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final Duration timeout;

    @Inject
    public PipFreezeCheck() {
        this(DEFAULT_TIMEOUT);
    }

    public PipFreezeCheck(Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /**
     * The comparison of the two outputs.
     *
     * @param pipOutput    what pip printed
     * @param onlyNative   lines only the native freeze printed
     * @param onlyPip      lines only pip printed
     * @param identical    byte-identical outputs
     */
    public record Result(String pipOutput, List<String> onlyNative, List<String> onlyPip, boolean identical) {
        public Result {
            requireNonNull(pipOutput, "pipOutput is null");
            onlyNative = List.copyOf(onlyNative);
            onlyPip = List.copyOf(onlyPip);
        }
    }

    public Result check(EnvironmentSnapshot snapshot) {
        String pip = runPipFreeze(Path.of(snapshot.interpreter().executable()));
        return compare(snapshot.pipFreeze(), pip);
    }

    static Result compare(String nativeText, String pipText) {
        Set<String> nativeLines = new LinkedHashSet<>(nativeText.lines().toList());
        Set<String> pipLines = new LinkedHashSet<>(pipText.lines().toList());
        List<String> onlyNative = new ArrayList<>(nativeLines);
        onlyNative.removeAll(pipLines);
        List<String> onlyPip = new ArrayList<>(pipLines);
        onlyPip.removeAll(nativeLines);
        return new Result(pipText, onlyNative, onlyPip, nativeText.equals(pipText));
    }

    /** Runs pip in an empty working directory: pip drops the cwd from sys.path, but its first import does not. */
    public String runPipFreeze(Path python) {
        Path cwd = null;
        try {
            cwd = Files.createTempDirectory("asimov-pip-check");
            ProcessRunner.Result result = ProcessRunner.run(
                    List.of(python.toString(), "-m", "pip", "freeze", "--disable-pip-version-check"), cwd, Map.of(), timeout);
            if (result.timedOut()) {
                throw new AsimovException(ErrorKind.CAPTURE_FAILED, "pip freeze of " + python + " took longer than " + timeout);
            }
            if (result.exitCode() != 0) {
                throw new AsimovException(ErrorKind.CAPTURE_FAILED, "pip freeze of " + python + " failed (exit "
                        + result.exitCode() + "): " + result.stderr().strip());
            }
            return result.stdout();
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.CAPTURE_FAILED, "could not run pip freeze of " + python + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AsimovException(ErrorKind.CAPTURE_FAILED, "interrupted while running pip freeze of " + python, e);
        } finally {
            if (cwd != null) {
                try {
                    Files.deleteIfExists(cwd);
                } catch (IOException ignored) {
                    // an empty temporary directory left behind is harmless
                }
            }
        }
    }
}
