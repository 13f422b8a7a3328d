package org.asimov.capture;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.asimov.capture.conda.CondaExport;
import org.asimov.capture.conda.CondaExporter;
import org.asimov.capture.conda.OnDemandCondaExporter;
import org.asimov.capture.pip.FreezeResult;
import org.asimov.capture.pip.PipFreeze;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.capture.python.PrefixInterpreter;
import org.asimov.capture.python.ProbedInterpreter;
import org.asimov.capture.python.PythonEnvironmentKind;
import org.asimov.capture.python.PythonTargetResolver;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentCapture;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.environment.Fingerprint;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.environment.PackageRecord;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.logging.LazyLogger;

/**
 * Captures a Python environment: one probe of its interpreter, pip freeze read natively from its
 * metadata, conda's export for conda prefixes, and the fingerprint over them.
 */
public final class PythonEnvironmentCapture implements EnvironmentCapture {
    /**
     * Made on the first warning, not when this class loads: start() runs first in a process, and
     * SLF4J's start-up would delay the interpreter.
     */
    private static final LazyLogger log = LazyLogger.of(PythonEnvironmentCapture.class);

    private final InterpreterProbe probe;
    private final CondaExporter condaExporter;

    @Inject
    public PythonEnvironmentCapture(InterpreterProbe probe, CondaExporter condaExporter) {
        this.probe = requireNonNull(probe, "probe is null");
        this.condaExporter = requireNonNull(condaExporter, "condaExporter is null");
    }

    /** With the real probe and conda reader: what the command line binds. */
    public static PythonEnvironmentCapture standard() {
        return new PythonEnvironmentCapture(new InterpreterProbe(), new OnDemandCondaExporter());
    }

    @Override
    public EnvironmentSnapshot capture(CaptureTarget target) {
        return finish(start(probe, target));
    }

    /**
     * Starts the target's interpreter probe and returns at once; {@link #finish} completes the
     * capture. Between the two the caller may do other work: the command line builds itself
     * while the interpreter starts. Static, and light to load, so that it can run before
     * anything else is set up.
     */
    public static Started start(InterpreterProbe probe, CaptureTarget target) {
        requireNonNull(probe, "probe is null");
        requireNonNull(target, "target is null");
        Instant timestamp = Instant.now();
        long start = System.nanoTime();
        try {
            return new Started(target, timestamp, start, probe.start(PythonTargetResolver.executable(target)), null);
        } catch (AsimovException e) {
            return new Started(target, timestamp, start, null, e);
        }
    }

    /**
     * A capture whose interpreter probe is under way, or could not start ({@link #finish} then
     * decides whether a conda prefix can be read without it).
     */
    public static final class Started {
        private final CaptureTarget target;
        private final Instant timestamp;
        private final long startNanos;
        private final InterpreterProbe.Pending pending;
        private final AsimovException startFailure;

        private Started(CaptureTarget target, Instant timestamp, long startNanos, InterpreterProbe.Pending pending,
                AsimovException startFailure) {
            this.target = target;
            this.timestamp = timestamp;
            this.startNanos = startNanos;
            this.pending = pending;
            this.startFailure = startFailure;
        }

        public CaptureTarget target() {
            return target;
        }

        private ProbedInterpreter probed;
        private AsimovException failure;

        /** The probe's answer, waited for once and kept: {@link #interpreter} and finish both ask. */
        private synchronized ProbedInterpreter probed() {
            if (probed == null && failure == null) {
                try {
                    if (startFailure != null) {
                        throw startFailure;
                    }
                    probed = pending.await();
                } catch (AsimovException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return probed;
        }

        /**
         * The interpreter as its probe describes it, as soon as the probe has answered (before
         * the rest of the capture: what needs only the interpreter can start then); empty
         * when it could not run, and {@link #finish} describes it another way.
         */
        public Optional<InterpreterInfo> interpreter() {
            try {
                return Optional.of(probed().info());
            } catch (AsimovException e) {
                return Optional.empty();
            }
        }
    }

    /** {@link #start(InterpreterProbe, CaptureTarget)} with this capture's own probe. */
    public Started start(CaptureTarget target) {
        return start(probe, target);
    }

    public EnvironmentSnapshot finish(Started started) {
        CaptureTarget target = started.target;
        Instant timestamp = started.timestamp;
        long start = started.startNanos;
        Map<String, Long> timings = new HashMap<>();

        List<String> warnings = new ArrayList<>();
        CondaExport conda = null;
        ProbedInterpreter probed;
        try {
            probed = started.probed();
        } catch (AsimovException e) {
            // a conda prefix copied from elsewhere may hold a python that cannot run here
            conda = exportOfUnrunnableCondaPrefix(target, e);
            probed = PrefixInterpreter.describe(target.prefix(), conda.pythonVersion(), conda.subdir());
            warnings.add("the interpreter of " + target.prefix() + " could not run (" + e.getMessage()
                    + "); its version comes from conda's python record and sys.path from the prefix layout");
        }
        InterpreterInfo interpreter = probed.info();
        long probedAt = System.nanoTime();
        timings.put("probe", millis(start, probedAt));

        PythonEnvironmentKind kind = PythonEnvironmentKind.of(interpreter.prefix(), interpreter.basePrefix());
        FreezeResult pip = PipFreeze.freeze(interpreter.sysPath(), interpreter.majorMinor(), probed.importlibForPip());
        long frozenAt = System.nanoTime();
        timings.put("pip", millis(probedAt, frozenAt));

        warnings.addAll(pip.warnings());
        List<PackageRecord> packages = new ArrayList<>(pip.packages());
        String condaText = null;
        if (kind.type() == EnvironmentType.CONDA) {
            if (conda == null) {
                conda = condaExporter.export(Path.of(interpreter.prefix()))
                        .orElseThrow(() -> new AsimovException(ErrorKind.CAPTURE_FAILED,
                                interpreter.prefix() + " is a conda environment but its conda-meta could not be read"));
            }
            condaText = conda.text();
            // conda lists pip-installed distributions too (as pypi_0); the pip freeze already has them
            conda.packages().stream().filter(p -> p.manager().equals("conda")).forEach(packages::add);
            warnings.addAll(conda.warnings());
            timings.put("conda", millis(frozenAt, System.nanoTime()));
        }
        String fingerprint = Fingerprint.of(interpreter, pip.text(), condaText);
        timings.put("total", millis(start, System.nanoTime()));
        warnings.forEach(w -> log.get().warn("capture of {}: {}", target, w));
        return new EnvironmentSnapshot(timestamp, kind.type(), interpreter, kind.condaEnvName(), pip.text(), condaText,
                packages, fingerprint, warnings, timings, conda == null ? Map.of() : conda.recordSubdirs());
    }

    /** The conda export that stands in for a failed probe, or the probe's failure when there is none. */
    private CondaExport exportOfUnrunnableCondaPrefix(CaptureTarget target, AsimovException probeFailure) {
        if (target.prefix() == null || !CondaExporter.isCondaPrefix(target.prefix())) {
            throw probeFailure;
        }
        CondaExport export = condaExporter.export(target.prefix()).orElseThrow(() -> probeFailure);
        if (export.pythonVersion() == null) {
            throw probeFailure;
        }
        return export;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
