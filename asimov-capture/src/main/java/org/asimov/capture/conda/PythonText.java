package org.asimov.capture.conda;

import java.util.ArrayDeque;
import java.util.Comparator;

import org.asimov.capture.python.PythonStringOrder;
import java.util.Deque;

/**
 * The few Python {@code str} behaviours conda's output depends on, reproduced exactly: Java's
 * nearest equivalents differ at the edges ({@code String.compareTo} orders UTF-16 units, not
 * code points; {@code stripTrailing} and Python's {@code rstrip} disagree on what is whitespace).
 */
final class PythonText {
    /** Python's default string order: by code point. */
    static final Comparator<String> CODE_POINT_ORDER = PythonStringOrder.CODE_POINT;

    private PythonText() {
    }

    /** {@code s.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** {@code s.strip()}. */
    static String strip(String s) {
        String right = rstrip(s);
        int start = 0;
        while (start < right.length()) {
            int cp = right.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        return right.substring(start);
    }

    /** {@code s.rsplit(sep, maxsplit)} for a one-character separator. */
    static String[] rsplit(String s, char sep, int maxsplit) {
        Deque<String> parts = new ArrayDeque<>();
        int end = s.length();
        int splits = 0;
        for (int i = s.length() - 1; i >= 0 && splits < maxsplit; i--) {
            if (s.charAt(i) == sep) {
                parts.addFirst(s.substring(i + 1, end));
                end = i;
                splits++;
            }
        }
        parts.addFirst(s.substring(0, end));
        return parts.toArray(String[]::new);
    }

    /**
     * What Python's universal-newline text mode gives for a file's content: {@code \r\n} and a
     * lone {@code \r} become {@code \n}. conda opens metadata files in text mode.
     */
    static String universalNewlines(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code str.isspace()} for one code point (Unicode White_Space plus the ASCII separators). */
    static boolean isSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0b, 0x0c, '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029,
                    0x202f, 0x205f, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200a;
        };
    }
}
