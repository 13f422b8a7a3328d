package org.asimov.capture.conda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code Name} and {@code Version} of a METADATA / PKG-INFO file as conda reads them:
 * Python's {@code email.parser.HeaderParser} with the {@code compat32} policy, then
 * {@code PythonDistributionMetadata._message_to_dict}. That means: headers end at the first
 * empty line or the first line that is not a header; continuation lines (leading space or tab)
 * are kept with their line breaks; the value is the text after the first colon with leading
 * spaces and tabs removed and only the final line break removed; header names match exactly
 * (case-sensitive); the last occurrence wins; versions are not normalised.
 */
final class CoreMetadataHeaders {
    /** feedparser's {@code headerRE}: a unix-from line, a field name and colon, or a continuation. */
    private static final Pattern HEADER_LINE = Pattern.compile("^(From |[\\x21-\\x39\\x3b-\\x7e]*:|[\\t ])");

    private final Map<String, String> values;

    private CoreMetadataHeaders(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code text}, already decoded and with universal newlines applied. */
    static CoreMetadataHeaders parse(String text) {
        List<String> lines = linesKeepingEnds(text);
        List<String> headerLines = new ArrayList<>();
        for (String line : lines) {
            if (!HEADER_LINE.matcher(line).find()) {
                break; // the blank separator line, or the start of a body without one
            }
            headerLines.add(line);
        }
        Map<String, String> values = new HashMap<>();
        String lastHeader = null;
        StringBuilder lastValue = null;
        for (int i = 0; i < headerLines.size(); i++) {
            String line = headerLines.get(i);
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (lastHeader != null) {
                    lastValue.append(line);
                }
                continue; // a continuation before any header is a defect Python ignores
            }
            if (lastHeader != null) {
                values.put(lastHeader, finish(lastValue));
                lastHeader = null;
            }
            if (line.startsWith("From ")) {
                if (i != 0 && i == headerLines.size() - 1) {
                    break; // Python pushes it back as the first body line
                }
                continue; // a unix-from envelope line (or a misplaced one), not a header
            }
            int colon = line.indexOf(':');
            if (colon == 0) {
                continue; // "Missing header name": Python notes a defect and skips it
            }
            lastHeader = line.substring(0, colon);
            lastValue = new StringBuilder(stripLeadingBlanks(line.substring(colon + 1)));
        }
        if (lastHeader != null) {
            values.put(lastHeader, finish(lastValue));
        }
        return new CoreMetadataHeaders(values);
    }

    /** The {@code Name:} value, {@code null} when absent. */
    String name() {
        return values.get("Name");
    }

    /** The {@code Version:} value, {@code null} when absent. */
    String version() {
        return values.get("Version");
    }

    private static String finish(StringBuilder value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) {
            end--;
        }
        return value.substring(0, end);
    }

    private static String stripLeadingBlanks(String s) {
        int start = 0;
        while (start < s.length() && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        return s.substring(start);
    }

    private static List<String> linesKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }
}
