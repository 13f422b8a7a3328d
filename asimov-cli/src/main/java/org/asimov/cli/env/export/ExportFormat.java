package org.asimov.cli.env.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/** What {@code env export} can write, by the name the user types. */
public enum ExportFormat {
    /** A CycloneDX 1.6 JSON bill of materials. */
    CYCLONEDX("cyclonedx"),
    /** The recorded pip freeze, a pinned requirements file. */
    REQUIREMENTS("requirements"),
    /** The recorded {@code conda list --export}; conda environments only. */
    CONDA("conda"),
    /** The recorded environment.json. */
    JSON("json");

    private final String key;

    ExportFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ExportFormat fromKey(String key) {
        for (ExportFormat format : values()) {
            if (format.key.equals(key.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new AsimovException(ErrorKind.USAGE, "unknown export format '" + key + "'; expected one of "
                + Arrays.stream(values()).map(ExportFormat::key).collect(Collectors.joining(", ")));
    }
}
