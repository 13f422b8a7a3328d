package org.asimov.core.environment;

import static java.util.Objects.requireNonNull;

/**
 * One installed package as a package manager knows it.
 *
 * @param manager   {@code pip}, {@code conda}, or a system manager ({@code dpkg}, {@code rpm})
 * @param name      the name as the manager writes it (pip: METADATA {@code Name:} verbatim)
 * @param version   the version as the manager prints it (pip: PEP 440 normalised when valid)
 * @param build     conda build string, {@code null} elsewhere
 * @param channel   conda channel, {@code null} when unknown or not conda
 * @param sourceUrl where a direct-URL or VCS install came from, {@code null} for index installs
 * @param editable  an editable (development) install
 */
public record PackageRecord(
        String manager,
        String name,
        String version,
        String build,
        String channel,
        String sourceUrl,
        boolean editable) {
    public PackageRecord {
        requireNonNull(manager, "manager is null");
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
    }

    public static PackageRecord pip(String name, String version, String sourceUrl, boolean editable) {
        return new PackageRecord("pip", name, version, null, null, sourceUrl, editable);
    }

    public static PackageRecord conda(String name, String version, String build, String channel) {
        return new PackageRecord("conda", name, version, build, channel, null, false);
    }
}
