package org.asimov.capture.python;

import java.util.Comparator;

/**
 * The order in which Python sorts strings: by code point. Java's {@code compareTo} compares
 * UTF-16 units, which differs for characters outside the Basic Multilingual Plane; pip and
 * conda sort names with Python's order, so their outputs can only be matched with this one.
 */
public final class PythonStringOrder {
    public static final Comparator<String> CODE_POINT = PythonStringOrder::compare;

    private PythonStringOrder() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
