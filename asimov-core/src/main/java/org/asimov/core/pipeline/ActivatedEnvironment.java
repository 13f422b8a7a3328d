package org.asimov.core.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.asimov.core.environment.CaptureTarget;

/**
 * The process environment an analysis command runs with, as {@code source bin/activate} or
 * {@code conda activate} would set it: the environment's {@code bin} first on PATH, and
 * {@code VIRTUAL_ENV} or {@code CONDA_PREFIX} naming it.
 */
public record ActivatedEnvironment(Path binDirectory, Path prefix, Kind kind) {
    public enum Kind { VIRTUALENV, CONDA, PLAIN }

    public ActivatedEnvironment {
        requireNonNull(binDirectory, "binDirectory is null");
        requireNonNull(prefix, "prefix is null");
        requireNonNull(kind, "kind is null");
    }

    /**
     * Works out the activation from the target without following symlinks: a venv's python is
     * usually a link to the base interpreter, and following it would lose the venv.
     */
    public static ActivatedEnvironment of(CaptureTarget target) {
        Path prefix = target.prefix() != null
                ? target.prefix().toAbsolutePath().normalize()
                : target.python().toAbsolutePath().normalize().getParent().getParent();
        Path bin = target.python() != null ? target.python().toAbsolutePath().normalize().getParent() : prefix.resolve("bin");
        Kind kind = Files.isDirectory(prefix.resolve("conda-meta")) ? Kind.CONDA
                : Files.isRegularFile(prefix.resolve("pyvenv.cfg")) ? Kind.VIRTUALENV
                : Kind.PLAIN;
        return new ActivatedEnvironment(bin, prefix, kind);
    }

    /** {@code base} with this environment activated. */
    public Map<String, String> apply(Map<String, String> base) {
        Map<String, String> env = new HashMap<>(base);
        String path = base.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("PATH", binDirectory + (path.isEmpty() ? "" : ":" + path));
        env.remove("PYTHONHOME");
        switch (kind) {
            case VIRTUALENV -> {
                env.put("VIRTUAL_ENV", prefix.toString());
                env.remove("CONDA_PREFIX");
            }
            case CONDA -> {
                env.put("CONDA_PREFIX", prefix.toString());
                env.remove("VIRTUAL_ENV");
            }
            case PLAIN -> {
                env.remove("VIRTUAL_ENV");
                env.remove("CONDA_PREFIX");
            }
        }
        return env;
    }
}
