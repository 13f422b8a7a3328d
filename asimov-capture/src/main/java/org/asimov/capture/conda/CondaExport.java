package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.asimov.core.environment.PackageRecord;

/**
 * What {@code conda list --export} prints for a prefix, with the records behind it.
 *
 * @param text          the export text, byte for byte
 * @param packages      conda records (and the pypi_0 ones), in the printed order
 * @param warnings      what could not be read
 * @param pythonVersion the python record's version, {@code null} when the prefix has none
 */
public record CondaExport(String text, List<PackageRecord> packages, List<String> warnings, String pythonVersion) {
    public CondaExport {
        requireNonNull(text, "text is null");
        packages = List.copyOf(requireNonNull(packages, "packages is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
