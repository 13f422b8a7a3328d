package org.asimov.core.environment;

/**
 * Reads a real machine and says what software environment a target Python runs in.
 * Implemented by asimov-capture.
 */
public interface EnvironmentCapture {
    /**
     * Captures the environment of {@code target}. Never modifies it.
     *
     * @throws org.asimov.core.error.AsimovException of kind {@code CAPTURE_FAILED} or
     *         {@code NOT_FOUND} with a message that says what to fix
     */
    EnvironmentSnapshot capture(CaptureTarget target);
}
