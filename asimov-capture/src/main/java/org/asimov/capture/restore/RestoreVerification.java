package org.asimov.capture.restore;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentCapture;
import org.asimov.core.environment.EnvironmentDiff;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.environment.PackageRecord;

/**
 * Captures a restored environment and compares it with its record: interpreter and Python
 * packages (pip and conda). Where the environment lives (prefix, executable) is not compared,
 * and neither are the OS packages, which restore.sh does not install (the container recipes do).
 */
public final class RestoreVerification {
    private final EnvironmentCapture capture;

    @Inject
    public RestoreVerification(EnvironmentCapture capture) {
        this.capture = requireNonNull(capture, "capture is null");
    }

    /**
     * @param record   what was recorded
     * @param restored the restored environment's prefix
     * @return the restored environment as captured, and its difference from the record
     */
    public Verified verify(CapturedEnvironment record, Path restored) {
        EnvironmentSnapshot snapshot = capture.capture(CaptureTarget.ofPrefix(restored));
        // what the record does not say (an original asimov record has no implementation or platform) is not compared
        CapturedEnvironment captured = new CapturedEnvironment(snapshot.fingerprint(), snapshot.type(),
                snapshot.interpreter().version(), snapshot.interpreter().sysVersion(),
                record.implementation() == null ? null : snapshot.interpreter().implementation(),
                record.platform() == null ? null : snapshot.interpreter().platform(), snapshot.timestamp(),
                pythonPackages(snapshot.packages()));
        CapturedEnvironment expected = new CapturedEnvironment(record.fingerprint(), restoredType(record.type()),
                record.pythonVersion(),
                record.sysVersion(), record.implementation(), record.platform(), record.capturedAt(),
                pythonPackages(record.packages()));
        return new Verified(captured, EnvironmentDiff.between(expected, captured));
    }

    /** @param restored the restored environment, as captured (without OS packages) */
    public record Verified(CapturedEnvironment restored, EnvironmentDiff diff) {
        public Verified {
            requireNonNull(restored, "restored is null");
            requireNonNull(diff, "diff is null");
        }
    }

    /**
     * restore.sh rebuilds a system interpreter's packages in a venv, never into the system
     * itself; that the result is a virtualenv is where it lives, not a difference.
     */
    private static EnvironmentType restoredType(EnvironmentType recorded) {
        return recorded == EnvironmentType.SYSTEM ? EnvironmentType.VIRTUALENV : recorded;
    }

    private static List<PackageRecord> pythonPackages(List<PackageRecord> packages) {
        return packages.stream().filter(p -> p.manager().equals("pip") || p.manager().equals("conda")).toList();
    }
}
