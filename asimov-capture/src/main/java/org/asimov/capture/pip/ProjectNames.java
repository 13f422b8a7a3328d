package org.asimov.capture.pip;

import java.util.Locale;

/** The name rules pip and setuptools apply to distribution names. */
public final class ProjectNames {
    private ProjectNames() {
    }

    /** packaging's {@code canonicalize_name} (PEP 503): runs of {@code -_.} become one {@code -}, lower case. */
    public static String canonicalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!inRun) {
                    out.append('-');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * pip's check in {@code iter_all_distributions}, applied to the canonical name: a PEP 508
     * project name, {@code ^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$} (ASCII, any case), which
     * is how pip ignores leftovers such as {@code ~atplotlib}. A loop rather than the regex: it
     * runs for every distribution, cold.
     */
    public static boolean isValidCanonical(String canonicalName) {
        int last = canonicalName.length() - 1;
        if (last < 0 || !isAsciiLetterOrDigit(canonicalName.charAt(0)) || !isAsciiLetterOrDigit(canonicalName.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = canonicalName.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** pkg_resources' {@code safe_name}: runs of anything but ASCII letters, digits and {@code .} become {@code -}. */
    public static String safeName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
            if (keep) {
                out.append(c);
                inRun = false;
            } else if (!inRun) {
                out.append('-');
                inRun = true;
            }
        }
        return out.toString();
    }
}
