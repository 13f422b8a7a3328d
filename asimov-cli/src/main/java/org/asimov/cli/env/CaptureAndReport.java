package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

import org.asimov.capture.system.SystemCapture;
import org.asimov.capture.system.SystemCaptureOptions;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.system.SystemReport;
import org.asimov.core.system.SystemReporter;

/**
 * What {@code env capture} captures: the Python environment and, unless {@code --no-system},
 * the system beneath it.
 *
 * @param report {@code null} with {@code --no-system}
 */
record CaptureAndReport(EnvironmentSnapshot snapshot, SystemReport report) {
    CaptureAndReport {
        requireNonNull(snapshot, "snapshot is null");
    }

    /**
     * Captures in the order that hides reading the machine (dpkg's index, CPU, container)
     * behind the interpreter's start-up: the system part is prepared first, on its own thread.
     *
     * @param system  {@code null} when {@code options} is
     * @param options {@code null} for no system part
     */
    static CaptureAndReport run(Supplier<EnvironmentSnapshot> capture, SystemCapture system, SystemCaptureOptions options) {
        SystemReporter prepared = options == null ? null : system.prepare(options);
        EnvironmentSnapshot snapshot = capture.get();
        return new CaptureAndReport(snapshot, prepared == null ? null : prepared.report(snapshot.interpreter()));
    }
}
