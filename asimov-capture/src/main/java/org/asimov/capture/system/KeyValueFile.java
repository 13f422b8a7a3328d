package org.asimov.capture.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code KEY=value} files the system keeps ({@code /etc/os-release}, podman's
 * {@code /run/.containerenv}): shell-style assignments whose values may be double- or
 * single-quoted, with backslash escapes inside double quotes (os-release(5)).
 */
public final class KeyValueFile {
    private KeyValueFile() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals <= 0) {
                continue;
            }
            values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
        }
        return values;
    }

    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() - 1) {
                    c = value.charAt(++i);
                }
                text.append(c);
            }
            return text.toString();
        }
        return value;
    }
}
