package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The fields of one {@code conda-meta/<name>-<version>-<build>.json} that listing needs.
 *
 * @param fileName               the JSON file's name, for messages
 * @param name                   package name
 * @param version                package version as conda wrote it
 * @param build                  build string
 * @param channel                the record's {@code channel} (or legacy {@code schannel}),
 *                               {@code null} when absent
 * @param subdir                 the record's {@code subdir}, {@code null} when absent
 * @param url                    the package URL, {@code null} when absent
 * @param files                  the prefix-relative paths the package installed
 * @param depends                the dependency specs, e.g. {@code python >=3.11,<3.12.0a0}
 * @param pythonSitePackagesPath CEP 17 {@code python_site_packages_path}, only meaningful on
 *                               the {@code python} record; {@code null} when absent
 */
public record CondaMetaRecord(
        String fileName,
        String name,
        String version,
        String build,
        String channel,
        String subdir,
        String url,
        List<String> files,
        List<String> depends,
        String pythonSitePackagesPath) {
    public CondaMetaRecord {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(build, "build is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        depends = List.copyOf(requireNonNull(depends, "depends is null"));
    }

    /** conda's {@code PackageRecord.spec}: the line {@code conda list --export} prints. */
    public String spec() {
        return name + "=" + version + "=" + build;
    }
}
