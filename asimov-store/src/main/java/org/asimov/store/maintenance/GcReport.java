package org.asimov.store.maintenance;

/**
 * What {@code gc} removed, and what it left because it was younger than the grace period.
 */
public record GcReport(int blobsRemoved, long bytesRemoved, int temporaryFilesRemoved, long temporaryBytesRemoved,
        int youngFilesKept) {
}
