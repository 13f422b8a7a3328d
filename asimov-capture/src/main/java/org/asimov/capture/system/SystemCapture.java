package org.asimov.capture.system;

import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.system.SystemReport;

/**
 * Reads what lies beneath a Python environment: the machine, the shared libraries its compiled
 * extensions load and who owns them, the container, and (when allowed) the environment variables.
 * Never fails a capture: what cannot be read becomes a warning in the report.
 */
public interface SystemCapture {
    SystemReport capture(InterpreterInfo interpreter, SystemCaptureOptions options);
}
