package org.asimov.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.project.Project;

/**
 * Decides which Python environment an analysis runs in: its own {@code environment}, else the
 * project's {@code [pipelines] environment}, else the active {@code VIRTUAL_ENV} or
 * {@code CONDA_PREFIX}, else {@code python3} on PATH.
 */
public final class EnvironmentTargets {
    private final Map<String, String> processEnvironment;

    public EnvironmentTargets(Map<String, String> processEnvironment) {
        this.processEnvironment = Map.copyOf(requireNonNull(processEnvironment, "processEnvironment is null"));
    }

    public CaptureTarget forAnalysis(Analysis analysis, Project project) {
        String spec = analysis.environmentTarget()
                .or(project::defaultEnvironment)
                .orElseGet(this::defaultSpec);
        return resolve(spec, project.root(), "the environment of " + analysis.qualifiedName());
    }

    /** The environment of the shell asimov runs in: the active venv or conda prefix, else python3 on PATH. */
    public String defaultSpec() {
        return nonEmpty("VIRTUAL_ENV").or(() -> nonEmpty("CONDA_PREFIX")).orElse("python3");
    }

    /**
     * A directory is an environment prefix, a file a Python executable, and a bare name is
     * looked up on PATH the way a shell would.
     */
    public CaptureTarget resolve(String spec, Path base, String what) {
        if (!spec.contains("/")) {
            return CaptureTarget.ofPython(onPath(spec).orElseThrow(() -> new AsimovException(ErrorKind.NOT_FOUND,
                    what + ": '" + spec + "' is not on PATH; give the full path of a Python executable or environment")));
        }
        Path path = base.resolve(spec).normalize();
        if (Files.isDirectory(path)) {
            return CaptureTarget.ofPrefix(path);
        }
        if (Files.isRegularFile(path)) {
            return CaptureTarget.ofPython(path);
        }
        throw new AsimovException(ErrorKind.NOT_FOUND, what + ": " + path
                + " does not exist; give the path of a Python executable or an environment prefix");
    }

    private Optional<Path> onPath(String name) {
        String path = processEnvironment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Optional<String> nonEmpty(String variable) {
        return Optional.ofNullable(processEnvironment.get(variable)).filter(v -> !v.isBlank());
    }
}
