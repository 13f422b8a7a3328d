package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A distribution in site-packages that no conda record owns, as conda lists it.
 *
 * @param name             conda's normalised name ({@link PypiNameNormaliser})
 * @param version          the metadata {@code Version:} as written
 * @param build            {@code pypi_0}, or {@code dev_0} for a legacy {@code .egg-link}
 *                         development install (conda's {@code <develop>} channel)
 * @param anchor           the prefix-relative anchor file it was found through
 * @param developLocation  for a {@code .egg-link}, the project directory it points at; else {@code null}
 */
public record SitePackagesDistribution(String name, String version, String build, String anchor, Path developLocation) {
    public static final String PYPI_BUILD = "pypi_0";
    public static final String DEVELOP_BUILD = "dev_0";

    public SitePackagesDistribution {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(anchor, "anchor is null");
        if (!PYPI_BUILD.equals(build) && !DEVELOP_BUILD.equals(build)) {
            throw new IllegalArgumentException("build must be " + PYPI_BUILD + " or " + DEVELOP_BUILD + ": " + build);
        }
        if (DEVELOP_BUILD.equals(build) != (developLocation != null)) {
            throw new IllegalArgumentException("a develop location goes with, and only with, build " + DEVELOP_BUILD);
        }
    }

    /** The line {@code conda list --export} prints. */
    public String spec() {
        return name + "=" + version + "=" + build;
    }
}
