package org.asimov.capture.owners;

/**
 * Which paths in a package manager's file list can be something a process loads: what the
 * owner lookups index, since the lists are mostly Python sources, data and docs that can
 * never be asked about.
 */
final class LoadablePaths {
    private LoadablePaths() {
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
