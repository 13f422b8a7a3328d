package org.asimov.capture.owners;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Which paths in a package manager's file list can be something a process loads: what the
 * owner lookups index, since the lists are mostly Python sources, data and docs that can
 * never be asked about.
 */
final class LoadablePaths {
    private LoadablePaths() {
    }

    /**
     * Each line of a file list (dpkg's {@code .list}, a RECORD) that holds {@code .so} or
     * {@code /bin/}, decoded as UTF-8, with no line ending; the caller decides with
     * {@link #isLoadable} whether its path is loadable. A line holding both comes twice.
     *
     * <p>Why not read lines: the lists run to megabytes (scipy's RECORD alone lists thousands of
     * sources), and decoding every line costs a cold process tens of milliseconds. The bytes are
     * searched instead, as a one-byte-per-char string whose indexOf is vectorised even before the
     * JIT has warmed up, and only the lines found are decoded.
     */
    static void forEachCandidateLine(byte[] list, Consumer<String> action) {
        String text = new String(list, StandardCharsets.ISO_8859_1);
        candidateLines(text, ".so", action);
        candidateLines(text, "/bin/", action);
    }

    private static void candidateLines(String text, String marker, Consumer<String> action) {
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            int start = text.lastIndexOf('\n', at) + 1;
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            action.accept(new String(text.substring(start, lineEnd).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8));
            at = end;
        }
    }

    /** A shared object ({@code .so} at the end or before a version) or anything in a {@code bin} directory. */
    static boolean isLoadable(String path) {
        if (path.contains("/bin/")) {
            return true;
        }
        int so = path.lastIndexOf(".so");
        while (so >= 0) {
            if (so + 3 == path.length() || path.charAt(so + 3) == '.') {
                return true;
            }
            so = path.lastIndexOf(".so", so - 1);
        }
        return false;
    }
}
