package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.asimov.capture.PythonEnvironmentCapture;
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
            return new CaptureAndReport(capture.finish(started), null);
        }
        SystemReporter prepared = system.prepare(options);
        FutureTask<Optional<SystemReport>> libraries = new FutureTask<>(() -> started.interpreter().map(prepared::report));
        Thread thread = new Thread(libraries, "system-report");
        thread.setDaemon(true);
        thread.start();
        EnvironmentSnapshot snapshot = capture.finish(started);
        // a copied conda prefix's interpreter cannot run: its description comes with the snapshot
        SystemReport report = join(libraries).orElseGet(() -> prepared.report(snapshot.interpreter()));
        return new CaptureAndReport(snapshot, report);
    }

    private static <T> T join(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the system", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading the system failed: " + e.getCause(), e.getCause());
        }
    }
}
