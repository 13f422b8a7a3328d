package org.asimov.core.environment;

import java.nio.file.Path;
import java.util.Objects;

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

    // equals and hashCode written out: a record's own are bootstrapped through method handles on
    // their first call, about 10 ms of a cold start, and env capture's main thread compares
    // targets once (EarlyCapture) with nothing else warmed up yet
    @Override
    public boolean equals(Object other) {
        return other instanceof CaptureTarget that && Objects.equals(python, that.python) && Objects.equals(prefix, that.prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(python, prefix);
    }

    @Override
    public String toString() {
        return python != null ? python.toString() : prefix.toString();
    }
}
