package org.asimov.capture.python;

import java.nio.file.Files;
import java.nio.file.Path;

import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/** Which executable to probe for a capture target: the one given, or the prefix's {@code bin/python}. */
public final class PythonTargetResolver {
    private PythonTargetResolver() {
    }

    public static Path executable(CaptureTarget target) {
        if (target.python() != null) {
            return target.python();
        }
        Path prefix = target.prefix();
        if (!Files.isDirectory(prefix)) {
            throw new AsimovException(ErrorKind.NOT_FOUND,
                    "no environment at " + prefix + ": give the prefix directory of a venv or conda environment");
        }
        for (String name : new String[] {"python", "python3"}) {
            Path candidate = prefix.resolve("bin").resolve(name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AsimovException(ErrorKind.NOT_FOUND,
                "no bin/python or bin/python3 in " + prefix + ": is it a Python environment prefix?");
    }
}
