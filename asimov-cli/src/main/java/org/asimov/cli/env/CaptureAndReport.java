package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.system.SystemCapture;
import org.asimov.capture.system.SystemCaptureOptions;
import org.asimov.core.concurrency.BackgroundTask;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.RenderedEnvironment;
import org.asimov.core.system.SystemReport;
import org.asimov.core.system.SystemReporter;

/**
 * What {@code env capture} captures: the Python environment and, unless {@code --no-system},
 * the system beneath it, rendered as the files the command writes. Rendered by whichever thread
 * captured: for an {@link EarlyCapture}, that is its own thread, while main still waits for the
 * injector, and not the command's, after it (environment.json's JSON, cold: 5 ms).
 */
record CaptureAndReport(RenderedEnvironment rendered) {
    CaptureAndReport {
        requireNonNull(rendered, "rendered is null");
    }

    EnvironmentSnapshot snapshot() {
        return rendered.snapshot();
    }

    /** {@code null} with {@code --no-system}. */
    SystemReport report() {
        return rendered.system();
    }

    /**
     * Captures with the system part beside the Python part: the machine (dpkg's index, CPU,
     * container) is read from the start, and the libraries as soon as the probe has answered,
     * while the freeze runs.
     *
     * @param started the capture, its interpreter probe under way
     * @param system  {@code null} when {@code options} is
     * @param options {@code null} for no system part
     */
    static CaptureAndReport run(PythonEnvironmentCapture capture, PythonEnvironmentCapture.Started started,
            SystemCapture system, SystemCaptureOptions options) {
        if (options == null) {
            return new CaptureAndReport(RenderedEnvironment.of(capture.finish(started), null));
        }
        SystemReporter prepared = system.prepare(options);
        BackgroundTask<Optional<SystemReport>> libraries = BackgroundTask.start("system-report", "reading the system",
                () -> started.interpreter().map(prepared::report));
        EnvironmentSnapshot snapshot = capture.finish(started);
        // a copied conda prefix's interpreter cannot run: its description comes with the snapshot
        SystemReport report = libraries.join().orElseGet(() -> prepared.report(snapshot.interpreter()));
        return new CaptureAndReport(RenderedEnvironment.of(snapshot, report));
    }
}
