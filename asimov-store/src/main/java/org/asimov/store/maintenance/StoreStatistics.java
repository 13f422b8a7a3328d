package org.asimov.store.maintenance;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

import org.asimov.store.blob.Blob;
import org.asimov.store.blob.BlobFile;
import org.asimov.store.blob.BlobStore;
import org.asimov.store.manifest.ManifestRepository;

/** Counts what a store holds, without reading any content. */
public final class StoreStatistics {
    private final BlobStore blobs;
    private final ManifestRepository rows;

    @Inject
    public StoreStatistics(BlobStore blobs, ManifestRepository rows) {
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.rows = requireNonNull(rows, "rows is null");
    }

    public StoreStats compute() {
        ManifestRepository.Totals totals = rows.totals();
        Map<String, Long> referenced = new HashMap<>();
        for (Blob blob : rows.referencedBlobs()) {
            referenced.merge(blob.sha256(), blob.size(), Math::max);
        }
        long referencedBytes = referenced.values().stream().mapToLong(Long::longValue).sum();
        long blobCount = 0;
        long blobBytes = 0;
        for (BlobFile file : blobs.listObjects()) {
            blobCount++;
            blobBytes += file.size();
        }
        return new StoreStats(totals.rows(), blobCount, blobBytes, totals.bytes(), totals.bytes() - referencedBytes);
    }
}
