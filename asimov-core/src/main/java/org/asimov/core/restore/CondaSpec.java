package org.asimov.core.restore;

import java.util.Set;
import java.util.TreeSet;

import org.asimov.core.environment.CondaExportParser;
import org.asimov.core.environment.PackageNames;
import org.asimov.core.environment.PackageRecord;

/**
 * The conda part of a conda record: {@code conda-spec.txt}, the {@code name=version=build} lines
 * {@code conda create --file} takes, without the {@code pypi_0} ones, which conda lists but pip
 * installed (they go into requirements.txt).
 */
public final class CondaSpec {
    public static final String FILE = "conda-spec.txt";

    private CondaSpec() {
    }

    public static String text(String label, String condaText) {
        StringBuilder text = new StringBuilder();
        text.append("# The conda packages recorded for ").append(label).append(" (pip's are in requirements.txt).\n");
        text.append("# Create with: conda create --name ENV --file ").append(FILE).append('\n');
        for (String raw : condaText.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("# platform:") || (!line.isEmpty() && !line.startsWith("#")
                    && !line.endsWith("=" + CondaExportParser.PYPI_BUILD))) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    /** The canonical names of the distributions pip installed into the conda environment. */
    public static Set<String> pipInstalled(String condaText) {
        Set<String> names = new TreeSet<>();
        for (PackageRecord record : CondaExportParser.parse(condaText)) {
            if (CondaExportParser.PYPI_BUILD.equals(record.build())) {
                names.add(PackageNames.canonical(record.name()));
            }
        }
        return names;
    }
}
