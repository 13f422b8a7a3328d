package org.asimov.core.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * Reads environment-system.txt back into package records: one {@code manager:name=version}
 * line per OS package (dpkg, rpm, ...) that owns a library the environment loads; comment
 * lines skipped.
 */
public final class SystemPackagesParser {
    private SystemPackagesParser() {
    }

    public static List<PackageRecord> parse(String text) {
        Map<String, PackageRecord> records = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            int equals = line.indexOf('=', colon + 1);
            if (colon <= 0 || equals <= colon + 1 || equals == line.length() - 1) {
                throw new AsimovException(ErrorKind.INVALID_INPUT, EnvironmentFiles.SYSTEM + " line " + (i + 1)
                        + " ('" + line + "'): expected 'manager:name=version'");
            }
            String manager = line.substring(0, colon);
            String name = line.substring(colon + 1, equals);
            records.putIfAbsent(manager + ":" + PackageNames.canonical(name),
                    new PackageRecord(manager, name, line.substring(equals + 1), null, null, null, false));
        }
        return new ArrayList<>(records.values());
    }
}
