package org.asimov.core.environment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A captured environment as it is read back, from its files or from the store's rows: what
 * makes it what it is (interpreter and packages) and when it was captured. The counterpart of
 * {@link EnvironmentSnapshot}, which is what a capture produces.
 *
 * @param fingerprint    SHA-256 hex identity (see {@link Fingerprint})
 * @param type           conda, virtualenv or system
 * @param pythonVersion  the short version, e.g. {@code 3.11.7}
 * @param sysVersion     {@code sys.version} verbatim (asimov's {@code python_version}), {@code null} when not known
 * @param implementation e.g. {@code cpython}; {@code null} when the capture did not say
 * @param platform       e.g. {@code linux-x86_64}; {@code null} when the capture did not say
 * @param capturedAt     when it was captured
 * @param packages       pip records, then conda records, each in file order
 */
public record CapturedEnvironment(
        String fingerprint,
        EnvironmentType type,
        String pythonVersion,
        String sysVersion,
        String implementation,
        String platform,
        Instant capturedAt,
        List<PackageRecord> packages) {
    public CapturedEnvironment {
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(type, "type is null");
        requireNonNull(pythonVersion, "pythonVersion is null");
        requireNonNull(capturedAt, "capturedAt is null");
        packages = List.copyOf(requireNonNull(packages, "packages is null"));
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("fingerprint must be 64 lower-case hex digits: " + fingerprint);
        }
    }
}
