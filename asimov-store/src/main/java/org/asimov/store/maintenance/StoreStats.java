package org.asimov.store.maintenance;

/**
 * The size of a store.
 *
 * @param files manifest rows (files of analyses)
 * @param blobs blob files on disk
 * @param bytes bytes in blob files on disk
 * @param fileBytes sum of the sizes of all files, as if each were stored on its own
 * @param bytesSavedBySharing what content addressing saved: {@code fileBytes} minus the bytes
 *        of the distinct blobs the rows point at
 */
public record StoreStats(long files, long blobs, long bytes, long fileBytes, long bytesSavedBySharing) {
}
