package org.asimov.store.environment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One distinct environment and how many analyses use it: a line of {@code env list}. */
public record EnvironmentSummary(String fingerprint, String environmentType, String pythonVersion, String implementation,
        String platform, Instant firstSeen, long analyses) {
    public EnvironmentSummary {
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(environmentType, "environmentType is null");
        requireNonNull(pythonVersion, "pythonVersion is null");
        requireNonNull(firstSeen, "firstSeen is null");
    }
}
