package org.asimov.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentCapture;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentWriter;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.core.system.SystemReport;
import org.asimov.core.system.SystemReporter;

/**
 * asimov's before-config hook: captures the environment an analysis will run in, writes the
 * environment files into its run directory and records them in the analysis meta. One recorder
 * lives for one command, and captures each distinct environment once however many analyses
 * share it.
 */
public final class EnvironmentRecorder {
    private final EnvironmentCapture capture;
    private final SystemReporter system;
    private final Map<CaptureTarget, EnvironmentSnapshot> captured = new HashMap<>();
    private final Map<CaptureTarget, SystemReport> reported = new HashMap<>();
    private final Map<CaptureTarget, EnvironmentSnapshot> capturedAtRun = new HashMap<>();
    private final Map<CaptureTarget, SystemReport> reportedAtRun = new HashMap<>();

    public EnvironmentRecorder(EnvironmentCapture capture) {
        this.capture = requireNonNull(capture, "capture is null");
        this.system = null;
    }

    /** Also records the system beneath each environment (environment-system.txt, system objects in environment.json). */
    public EnvironmentRecorder(EnvironmentCapture capture, SystemReporter system) {
        this.capture = requireNonNull(capture, "capture is null");
        this.system = requireNonNull(system, "system is null");
    }

    /** The build-time capture: environment files in the run directory, asimov's meta in the ledger. */
    public EnvironmentSnapshot record(AnalysisJob job) {
        EnvironmentSnapshot snapshot = captured.computeIfAbsent(job.environment(), capture::capture);
        SystemReport report = system == null ? null
                : reported.computeIfAbsent(job.environment(), target -> system.report(snapshot.interpreter()));
        EnvironmentFiles.Written files = EnvironmentWriter.write(snapshot, report, job.runDirectory());
        ObjectNode environment = job.analysis().environmentMeta();
        environment.put("target", job.environment().toString());
        describe(environment, snapshot, files, report != null);
        return snapshot;
    }

    /**
     * The run-time capture, taken as the analysis starts: its files (the system part's too, so
     * that {@code env diff @build @run} shows OS libraries that changed) go to
     * {@value EnvironmentFiles#RUN_DIRECTORY}/ in the run directory, the ledger meta gets
     * {@code environment.run}, and {@code environment.drift} says whether the environment
     * changed since the build.
     *
     * @return whether the fingerprint differs from the build capture's
     */
    public boolean recordRun(AnalysisJob job) {
        EnvironmentSnapshot snapshot = capturedAtRun.computeIfAbsent(job.environment(), capture::capture);
        SystemReport report = system == null ? null
                : reportedAtRun.computeIfAbsent(job.environment(), target -> system.report(snapshot.interpreter()));
        EnvironmentFiles.Written files = EnvironmentWriter.write(snapshot, report,
                job.runDirectory().resolve(EnvironmentFiles.RUN_DIRECTORY));
        ObjectNode environment = job.analysis().environmentMeta();
        describe(environment.putObject("run"), snapshot, files, report != null);
        boolean drift = !snapshot.fingerprint().equals(environment.path("fingerprint").asText());
        environment.put("drift", drift);
        return drift;
    }

    private static void describe(ObjectNode meta, EnvironmentSnapshot snapshot, EnvironmentFiles.Written files,
            boolean withSystem) {
        meta.put("captured_at", true);
        meta.put("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(snapshot.timestamp().atOffset(ZoneOffset.UTC)));
        meta.put("environment_type", snapshot.type().key());
        meta.put("fingerprint", snapshot.fingerprint());
        ObjectNode paths = meta.putObject("files");
        paths.put("metadata", files.metadata().toString());
        paths.put("pip", files.pip().toString());
        if (files.conda() != null) {
            paths.put("conda", files.conda().toString());
        }
        if (withSystem) {
            paths.put("system", files.metadata().resolveSibling(EnvironmentFiles.SYSTEM).toString());
        }
    }
}
