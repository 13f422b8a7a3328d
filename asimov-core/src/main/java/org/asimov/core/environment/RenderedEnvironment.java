package org.asimov.core.environment;

import static java.util.Objects.requireNonNull;

import org.asimov.core.system.SystemPackagesText;
import org.asimov.core.system.SystemReport;

/**
 * The text of a capture's files, rendered from its snapshot and, with the system part, its
 * system report: what {@link EnvironmentWriter} writes. Rendering is apart from writing so that
 * it can run on the thread that captured: environment.json is milliseconds of cold JSON work,
 * which {@code env capture} does while its command line is still being built, and then only
 * writes.
 */
public final class RenderedEnvironment {
    private final EnvironmentSnapshot snapshot;
    private final SystemReport system;
    private final String metadata;
    private final String systemPackages;

    private RenderedEnvironment(EnvironmentSnapshot snapshot, SystemReport system, String metadata, String systemPackages) {
        this.snapshot = snapshot;
        this.system = system;
        this.metadata = metadata;
        this.systemPackages = systemPackages;
    }

    /** @param system {@code null} for a capture without the system part */
    public static RenderedEnvironment of(EnvironmentSnapshot snapshot, SystemReport system) {
        requireNonNull(snapshot, "snapshot is null");
        if (system == null) {
            return new RenderedEnvironment(snapshot, null, EnvironmentJson.render(snapshot), null);
        }
        return new RenderedEnvironment(snapshot, system, EnvironmentJson.render(snapshot, system),
                SystemPackagesText.render(system));
    }

    public EnvironmentSnapshot snapshot() {
        return snapshot;
    }

    /** {@code null} for a capture without the system part. */
    public SystemReport system() {
        return system;
    }

    /** environment.json's text. */
    String metadata() {
        return metadata;
    }

    /** environment-system.txt's text; {@code null} without the system part. */
    String systemPackages() {
        return systemPackages;
    }
}
