package org.asimov.core.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * Reads environment-conda.txt ({@code conda list --export}) back into package records:
 * {@code name=version=build} per line, header comments skipped. A {@code pypi_0} build is a
 * distribution pip installed into the conda environment; it stays a {@code conda} record (pip's
 * own list holds it too) with channel {@value #PYPI_CHANNEL}, as {@code conda list} shows it.
 */
public final class CondaExportParser {
    /** The build string conda gives distributions it did not install. */
    public static final String PYPI_BUILD = "pypi_0";
    /** The channel {@code conda list} shows for them. */
    public static final String PYPI_CHANNEL = "pypi";

    private static final String PLATFORM_HEADER = "# platform: ";

    private CondaExportParser() {
    }

    /** The subdir in conda's {@code # platform: linux-64} header line, {@code null} when there is none. */
    public static String platform(String text) {
        for (String line : text.split("\r?\n")) {
            if (line.startsWith(PLATFORM_HEADER)) {
                String platform = line.substring(PLATFORM_HEADER.length()).strip();
                return platform.isEmpty() ? null : platform;
            }
        }
        return null;
    }

    public static List<PackageRecord> parse(String text) {
        Map<String, PackageRecord> records = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("=", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new AsimovException(ErrorKind.INVALID_INPUT, EnvironmentFiles.CONDA + " line " + (i + 1)
                        + " ('" + line + "'): expected 'name=version=build'");
            }
            String build = parts[2].isEmpty() ? null : parts[2];
            records.putIfAbsent(PackageNames.canonical(parts[0]),
                    PackageRecord.conda(parts[0], parts[1], build, PYPI_BUILD.equals(build) ? PYPI_CHANNEL : null));
        }
        return new ArrayList<>(records.values());
    }
}
