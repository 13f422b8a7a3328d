package org.asimov.core.system;

import org.asimov.core.environment.InterpreterInfo;

/**
 * Reports the system beneath one interpreter, with the user's choices (host name, variables)
 * already applied. The seam through which the lifecycle, which knows nothing of how machines are
 * read, asks asimov-capture for a {@link SystemReport}.
 */
@FunctionalInterface
public interface SystemReporter {
    SystemReport report(InterpreterInfo interpreter);
}
