package org.asimov.core.names;

import java.nio.charset.StandardCharsets;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * Validates names that come from users and end up as path components or database keys
 * (events, analyses, stored files). A name must not be able to escape the directory it is
 * placed in, hide itself, or confuse a terminal.
 */
public final class SafeName {
    /** Most file systems refuse longer path components. */
    public static final int MAX_BYTES = 255;

    private SafeName() {
    }

    /**
     * Returns {@code value} unchanged when it is a safe name.
     *
     * @param what what the name names ("event name", "analysis name", "file name"), for the message
     * @throws AsimovException of kind {@link ErrorKind#INVALID_INPUT} otherwise
     */
    public static String require(String what, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new AsimovException(ErrorKind.INVALID_INPUT,
                    "invalid " + what + " " + quote(value) + ": " + problem);
        }
        return value;
    }

    /** Whether {@code value} would pass {@link #require}. */
    public static boolean isSafe(String value) {
        return problem(value) == null;
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "it is empty";
        }
        if (value.isBlank()) {
            return "it is only white space";
        }
        if (!value.strip().equals(value)) {
            return "it starts or ends with white space";
        }
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            return "it contains a path separator ('/' or '\\')";
        }
        if (value.contains("..")) {
            return "it contains '..'";
        }
        if (value.equals(".")) {
            return "'.' names the current directory";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "it contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        if (value.length() >= 2 && value.charAt(1) == ':' && Character.isLetter(value.charAt(0))) {
            return "it looks like an absolute (drive) path";
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return "it is " + bytes + " bytes long in UTF-8; the limit is " + MAX_BYTES;
        }
        return null;
    }

    private static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > 80) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
