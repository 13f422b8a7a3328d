package org.asimov.capture.pip;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One distribution as pip's metadata backend reports it.
 *
 * @param rawName       pip's {@code raw_name}: the metadata {@code Name} verbatim, else the canonical name
 * @param canonicalName pip's {@code canonical_name} (from the directory name or the metadata, per backend)
 * @param version       the PEP 440 normalised version, or {@code null} when the version is legacy
 * @param rawVersion    the text pip prints after {@code ===} for a legacy version
 * @param location      the directory holding the metadata directory (for a develop install, the project)
 * @param infoLocation  the {@code .dist-info} / {@code .egg-info} directory or file
 */
public record InstalledDistribution(
        String rawName,
        String canonicalName,
        String version,
        String rawVersion,
        Path location,
        Path infoLocation) {
    public InstalledDistribution {
        requireNonNull(rawName, "rawName is null");
        requireNonNull(canonicalName, "canonicalName is null");
        requireNonNull(rawVersion, "rawVersion is null");
        requireNonNull(location, "location is null");
        requireNonNull(infoLocation, "infoLocation is null");
    }

    /** pip's {@code _format_as_name_version}: {@code Name==1.0}, or {@code Name===raw} for a legacy version. */
    public String nameVersion() {
        return version != null ? rawName + "==" + version : rawName + "===" + rawVersion;
    }

    /** The version for package records: normalised when valid, else as printed after {@code ===}. */
    public String displayVersion() {
        return version != null ? version : rawVersion;
    }

    /** A distribution whose metadata is a directory can hold {@code direct_url.json}. */
    public Path directUrlFile() {
        return infoLocation.resolve(DirectUrl.FILE_NAME);
    }
}
