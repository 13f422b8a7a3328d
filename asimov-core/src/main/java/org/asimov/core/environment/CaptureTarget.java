package org.asimov.core.environment;

import java.nio.file.Path;

/**
 * Which environment to capture: a Python executable, or an environment prefix (a venv or conda
 * directory). Exactly one of the two is set.
 */
public record CaptureTarget(Path python, Path prefix) {
    public CaptureTarget {
        if ((python == null) == (prefix == null)) {
            throw new IllegalArgumentException("exactly one of python and prefix must be given");
        }
    }

    public static CaptureTarget ofPython(Path python) {
        return new CaptureTarget(python, null);
    }

    public static CaptureTarget ofPrefix(Path prefix) {
        return new CaptureTarget(null, prefix);
    }

    @Override
    public String toString() {
        return python != null ? python.toString() : prefix.toString();
    }
}
