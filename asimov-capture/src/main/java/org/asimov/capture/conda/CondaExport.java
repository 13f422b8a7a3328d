package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.asimov.core.environment.PackageRecord;

/**
 * The result of exporting one conda prefix.
 *
 * @param text          what {@code conda list --export} prints, byte for byte, except the
 *                      {@code # created-by:} line, which names asimov instead of conda
 * @param packages      one record per listed line, in the same order as the text: conda
 *                      records as {@code conda}, site-packages distributions no conda record
 *                      owns as {@code pip}
 * @param warnings      what could not be read and was left out or read partially, for
 *                      environment.json; never silently dropped
 * @param pythonVersion the version of the {@code python} conda record, {@code null} if none
 * @param subdir        the platform written in the header, e.g. {@code linux-64}
 * @param envName       conda's name for the prefix: {@code base}, the name under
 *                      {@code envs/}, or the full path
 * @param recordSubdirs the subdir of each conda record by name ({@code noarch} for noarch
 *                      packages), which the text does not say
 */
public record CondaExport(
        String text,
        List<PackageRecord> packages,
        List<String> warnings,
        String pythonVersion,
        String subdir,
        String envName,
        Map<String, String> recordSubdirs) {
    public CondaExport {
        requireNonNull(text, "text is null");
        packages = List.copyOf(requireNonNull(packages, "packages is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        requireNonNull(subdir, "subdir is null");
        requireNonNull(envName, "envName is null");
        recordSubdirs = Map.copyOf(requireNonNull(recordSubdirs, "recordSubdirs is null"));
        if (subdir.isBlank()) {
            throw new IllegalArgumentException("subdir is blank");
        }
        if (envName.isBlank()) {
            throw new IllegalArgumentException("envName is blank");
        }
    }
}
