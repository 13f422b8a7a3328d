package org.asimov.capture.python;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.asimov.capture.conda.CondaExporter;
import org.asimov.core.environment.EnvironmentType;

/**
 * asimov's environment type and conda's name for it, decided from the environment on disk
 * (never from the variables of the shell that runs asimov).
 *
 * @param type         conda, virtualenv or system
 * @param condaEnvName conda's name for the environment, {@code null} unless conda
 */
public record PythonEnvironmentKind(EnvironmentType type, String condaEnvName) {
    public PythonEnvironmentKind {
        requireNonNull(type, "type is null");
        if ((type == EnvironmentType.CONDA) != (condaEnvName != null)) {
            throw new IllegalArgumentException("a conda environment, and only one, has a conda name");
        }
    }

    /**
     * A prefix with {@code conda-meta/history} is conda; a prefix that differs from its base
     * prefix (a {@code pyvenv.cfg} environment) is a virtualenv; anything else is the system's.
     */
    public static PythonEnvironmentKind of(String prefix, String basePrefix) {
        Path root = Path.of(prefix);
        if (CondaExporter.isCondaPrefix(root)) {
            return new PythonEnvironmentKind(EnvironmentType.CONDA, condaEnvName(root));
        }
        if (!prefix.equals(basePrefix)) {
            return new PythonEnvironmentKind(EnvironmentType.VIRTUALENV, null);
        }
        return new PythonEnvironmentKind(EnvironmentType.SYSTEM, null);
    }

    /**
     * conda's rule: {@code base} for the root prefix (the one holding {@code envs/} or
     * {@code condabin/}), the directory name for a prefix inside an {@code envs} directory, else
     * the full path.
     */
    static String condaEnvName(Path prefix) {
        if (Files.isDirectory(prefix.resolve("condabin")) || Files.isDirectory(prefix.resolve("envs"))) {
            return "base";
        }
        Path parent = prefix.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("envs")) {
            return prefix.getFileName().toString();
        }
        return prefix.toString();
    }
}
