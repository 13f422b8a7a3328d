package org.asimov.core.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * The INI dialect of asimov.conf, as Python's {@code configparser} reads it: {@code [section]}
 * headers, {@code key = value} or {@code key: value}, {@code #} and {@code ;} comment lines,
 * keys case-insensitive. Order is kept so that a file we rewrite reads as the user wrote it.
 */
public final class IniFile {
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    public static IniFile parse(String text, String source) {
        IniFile ini = new IniFile();
        Map<String, String> current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw malformed(source, i, "a section header must look like [name]");
                }
                current = ini.sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(),
                        k -> new LinkedHashMap<>());
                continue;
            }
            int eq = separator(line);
            if (eq <= 0) {
                throw malformed(source, i, "expected 'key = value'");
            }
            if (current == null) {
                throw malformed(source, i, "a setting must come after a [section] header");
            }
            current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
        }
        return ini;
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static AsimovException malformed(String source, int index, String what) {
        return new AsimovException(ErrorKind.INVALID_INPUT,
                source + ":" + (index + 1) + ": " + what + "; fix the line or re-create it with 'asimov init'");
    }

    public Optional<String> get(String section, String key) {
        Map<String, String> values = sections.get(section);
        if (values == null) {
            return Optional.empty();
        }
        String value = values.get(key.toLowerCase(Locale.ROOT));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public IniFile set(String section, String key, String value) {
        sections.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(key.toLowerCase(Locale.ROOT), value);
        return this;
    }

    public List<String> sectionNames() {
        return Collections.unmodifiableList(new ArrayList<>(sections.keySet()));
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        sections.forEach((name, values) -> {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append('[').append(name).append("]\n");
            values.forEach((key, value) -> out.append(key).append(" = ").append(value).append('\n'));
        });
        return out.toString();
    }
}
