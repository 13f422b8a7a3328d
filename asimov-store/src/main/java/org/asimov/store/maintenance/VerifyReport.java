package org.asimov.store.maintenance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

import org.asimov.core.store.StoredResource;

/**
 * What {@code verify} found. The store is clean when no blob is corrupt or missing, no row
 * lacks its blob, and nothing foreign sits among the blobs; unreferenced blobs and temporary
 * files are normal leftovers of interrupted or refused puts, reported for gc.
 *
 * @param blobsChecked blob files re-hashed
 * @param bytesChecked bytes re-hashed
 * @param corruptBlobs blobs whose content no longer hashes to their name
 * @param missingBlobs blobs that rows point at but that are not on disk
 * @param rowsWithoutBlobs the rows pointing at missing blobs
 * @param rowsWithCorruptBlobs the rows pointing at corrupt blobs
 * @param sizeMismatches blobs whose size on disk differs from the size their rows record
 * @param strayFiles files under {@code objects/} that are not blobs the store wrote
 * @param unreferencedBlobs blobs no row points at (gc removes them)
 * @param temporaryFiles files in {@code tmp/} (puts in progress, or interrupted ones)
 */
public record VerifyReport(
        long blobsChecked,
        long bytesChecked,
        List<String> corruptBlobs,
        List<String> missingBlobs,
        List<StoredResource> rowsWithoutBlobs,
        List<StoredResource> rowsWithCorruptBlobs,
        List<String> sizeMismatches,
        List<Path> strayFiles,
        List<String> unreferencedBlobs,
        int temporaryFiles) {
    public VerifyReport {
        corruptBlobs = List.copyOf(requireNonNull(corruptBlobs, "corruptBlobs is null"));
        missingBlobs = List.copyOf(requireNonNull(missingBlobs, "missingBlobs is null"));
        rowsWithoutBlobs = List.copyOf(requireNonNull(rowsWithoutBlobs, "rowsWithoutBlobs is null"));
        rowsWithCorruptBlobs = List.copyOf(requireNonNull(rowsWithCorruptBlobs, "rowsWithCorruptBlobs is null"));
        sizeMismatches = List.copyOf(requireNonNull(sizeMismatches, "sizeMismatches is null"));
        strayFiles = List.copyOf(requireNonNull(strayFiles, "strayFiles is null"));
        unreferencedBlobs = List.copyOf(requireNonNull(unreferencedBlobs, "unreferencedBlobs is null"));
    }

    /** Whether nothing is wrong (leftovers for gc do not count). */
    public boolean clean() {
        return corruptBlobs.isEmpty() && missingBlobs.isEmpty() && rowsWithoutBlobs.isEmpty()
                && sizeMismatches.isEmpty() && strayFiles.isEmpty();
    }
}
