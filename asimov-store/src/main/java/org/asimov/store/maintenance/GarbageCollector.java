package org.asimov.store.maintenance;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.asimov.store.blob.Blob;
import org.asimov.store.blob.BlobFile;
import org.asimov.store.blob.BlobStore;
import org.asimov.store.manifest.ManifestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes blobs no manifest row points at and temporary files left by interrupted puts.
 *
 * <p>A put writes its blob before it commits its row, so a young unreferenced blob may be a
 * put in progress: only files not modified for the grace period are removed. An old one may
 * still be the content a put is storing again right now; it is moved aside first, the
 * manifest is asked once more, and only then is it deleted or put back (see
 * {@link BlobStore#quarantine}). Files under
 * {@code objects/} that are not blobs are left for a person to look at; verify reports them.
 */
public final class GarbageCollector {
    private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);

    private final BlobStore blobs;
    private final ManifestRepository rows;

    @Inject
    public GarbageCollector(BlobStore blobs, ManifestRepository rows) {
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.rows = requireNonNull(rows, "rows is null");
    }

    public GcReport collect(Duration grace) {
        requireNonNull(grace, "grace is null");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace is negative: " + grace);
        }
        Instant cutoff = Instant.now().minus(grace);
        int kept = 0;

        // List files before reading the rows: a row committed after the read belongs to a put
        // that wrote (or renewed) its blob moments ago, which the cutoff protects.
        List<BlobFile> objectFiles = blobs.listObjects();
        Set<String> referenced = new HashSet<>();
        for (Blob blob : rows.referencedBlobs()) {
            referenced.add(blob.sha256());
        }
        int blobsRemoved = 0;
        long bytesRemoved = 0;
        for (BlobFile file : objectFiles) {
            if (!file.wellPlaced() || referenced.contains(file.name())) {
                continue;
            }
            BlobStore.Held held = blobs.quarantine(file, cutoff);
            if (held == null) {
                kept++;
            } else if (rows.isReferenced(file.name())) {
                // a put recorded it after we read the manifest: it stays
                held.restore();
            } else {
                held.discard();
                blobsRemoved++;
                bytesRemoved += file.size();
                log.debug("removed unreferenced blob {}", file.name());
            }
        }

        int temporaryRemoved = 0;
        long temporaryBytes = 0;
        for (BlobFile file : blobs.listTemporary()) {
            if (blobs.deleteTemporaryIfStale(file, cutoff)) {
                temporaryRemoved++;
                temporaryBytes += file.size();
                log.debug("removed stale temporary file {}", file.path());
            } else {
                kept++;
            }
        }
        log.info("gc removed {} unreferenced blobs ({} bytes) and {} temporary files ({} bytes); kept {} younger than {}",
                blobsRemoved, bytesRemoved, temporaryRemoved, temporaryBytes, kept, grace);
        return new GcReport(blobsRemoved, bytesRemoved, temporaryRemoved, temporaryBytes, kept);
    }
}
