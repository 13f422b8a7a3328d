package org.asimov.capture.system;

import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.system.SystemReport;
import org.asimov.core.system.SystemReporter;

/**
 * Reads what lies beneath a Python environment: the machine, the shared libraries its compiled
 * extensions load and who owns them, the container, and (when allowed) the environment variables.
 * Never fails a capture: what cannot be read becomes a warning in the report.
 */
public interface SystemCapture {
    SystemReport capture(InterpreterInfo interpreter, SystemCaptureOptions options);

    /**
     * Starts, in the background, everything that does not depend on the interpreter (the package
     * database, the machine, the container), so that it overlaps the interpreter probe; the
     * returned reporter finishes the capture once the interpreter is known. Use it for one capture.
     */
    default SystemReporter prepare(SystemCaptureOptions options) {
        return interpreter -> capture(interpreter, options);
    }
}
