package org.asimov.store.environment;

import static java.util.Objects.requireNonNull;

/** An analysis whose environment had a package: a line of {@code env find}. */
public record PackageUse(String event, String analysis, String phase, String manager, String rawName, String version,
        String fingerprint) {
    public PackageUse {
        requireNonNull(event, "event is null");
        requireNonNull(analysis, "analysis is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(manager, "manager is null");
        requireNonNull(rawName, "rawName is null");
        requireNonNull(version, "version is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }
}
