package org.asimov.store;

/**
 * Told how far a long copy (put or fetch of a large file) has got, so that a terminal can draw
 * a progress bar. Called from the copying thread, at most about once per mebibyte and once
 * more at the end; implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Listens to nothing: for callers that do not show progress. */
    ProgressListener NONE = (done, total) -> {
    };

    /**
     * @param bytesDone bytes copied so far
     * @param bytesTotal bytes expected in all, or -1 when not known in advance
     */
    void progress(long bytesDone, long bytesTotal);
}
