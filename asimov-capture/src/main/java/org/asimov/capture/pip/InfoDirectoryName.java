package org.asimov.capture.pip;

/**
 * What the name of a {@code .dist-info} or {@code .egg-info} says, split the way pip splits it.
 *
 * @param name       pip 24.2's name: before the first {@code -} of a {@code .dist-info} that has one,
 *                   or before the first {@code -} of any {@code .egg-info}; else {@code null}
 * @param version    after that {@code -}, for a {@code .dist-info}; else {@code null}
 * @param legacyName pip 23.x's name: before the first {@code -} of any {@code .dist-info}/{@code .egg-info}
 */
record InfoDirectoryName(String name, String version, String legacyName) {
    /** Suffixes are case-sensitive here, as in {@code os.path.splitext}. */
    static InfoDirectoryName of(String fileName) {
        int dot = extensionDot(fileName);
        if (dot < 0) {
            return new InfoDirectoryName(null, null, null);
        }
        String stem = fileName.substring(0, dot);
        String suffix = fileName.substring(dot);
        int dash = stem.indexOf('-');
        // an empty name is falsy in pip, which then falls back to the metadata
        String beforeDash = dash < 0 ? stem : stem.substring(0, dash);
        if (beforeDash.isEmpty()) {
            beforeDash = null;
        }
        if (suffix.equals(".dist-info")) {
            return dash < 0
                    ? new InfoDirectoryName(null, null, beforeDash)
                    : new InfoDirectoryName(beforeDash, stem.substring(dash + 1), beforeDash);
        }
        if (suffix.equals(".egg-info")) {
            return new InfoDirectoryName(beforeDash, null, beforeDash);
        }
        return new InfoDirectoryName(null, null, null);
    }

    /** {@code os.path.splitext}: the last dot, ignoring leading dots. */
    private static int extensionDot(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return -1;
        }
        for (int i = 0; i < dot; i++) {
            if (fileName.charAt(i) != '.') {
                return dot;
            }
        }
        return -1;
    }
}
