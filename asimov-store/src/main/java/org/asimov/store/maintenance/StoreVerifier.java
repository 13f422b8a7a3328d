package org.asimov.store.maintenance;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.ProgressListener;
import org.asimov.store.blob.Blob;
import org.asimov.store.blob.BlobFile;
import org.asimov.store.blob.BlobStore;
import org.asimov.store.manifest.ManifestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-hashes every blob and checks that every row's blob is there and whole. Changes nothing.
 */
public final class StoreVerifier {
    private static final Logger log = LoggerFactory.getLogger(StoreVerifier.class);

    private final BlobStore blobs;
    private final ManifestRepository rows;

    @Inject
    public StoreVerifier(BlobStore blobs, ManifestRepository rows) {
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.rows = requireNonNull(rows, "rows is null");
    }

    public VerifyReport verify(ProgressListener progress) {
        requireNonNull(progress, "progress is null");
        // Rows first, files second: a put that lands in between adds a blob we then see as
        // unreferenced (harmless), never a row whose blob we failed to look for.
        List<Blob> referenced = rows.referencedBlobs();
        List<BlobFile> files = blobs.listObjects();

        long totalBytes = files.stream().mapToLong(BlobFile::size).sum();
        long[] doneBefore = {0};
        Map<String, Long> sound = new HashMap<>();
        List<String> corrupt = new ArrayList<>();
        List<Path> stray = new ArrayList<>();
        long checked = 0;
        for (BlobFile file : files) {
            if (!file.wellPlaced()) {
                stray.add(file.path());
                continue;
            }
            long base = doneBefore[0];
            Blob actual;
            try {
                actual = blobs.hash(file.path(), (done, total) -> progress.progress(base + done, totalBytes));
            } catch (AsimovException e) {
                if (e.kind() == ErrorKind.NOT_FOUND && !Files.exists(file.path())) {
                    continue; // removed by a concurrent gc since it was listed
                }
                throw e;
            }
            doneBefore[0] += file.size();
            checked++;
            if (actual.sha256().equals(file.name())) {
                sound.put(file.name(), actual.size());
            } else {
                log.warn("blob {} is corrupt: its content hashes to {}", file.path(), actual.sha256());
                corrupt.add(file.name());
            }
        }

        Set<String> corruptSet = new HashSet<>(corrupt);
        Set<String> referencedNames = new HashSet<>();
        List<String> missing = new ArrayList<>();
        List<String> corruptReferenced = new ArrayList<>();
        List<String> sizeMismatches = new ArrayList<>();
        for (Blob blob : referenced) {
            referencedNames.add(blob.sha256());
            Long size = sound.get(blob.sha256());
            if (corruptSet.contains(blob.sha256())) {
                corruptReferenced.add(blob.sha256());
            } else if (size == null) {
                if (!Files.exists(blobs.pathOf(blob.sha256())) && !missing.contains(blob.sha256())) {
                    missing.add(blob.sha256());
                }
            } else if (size != blob.size()) {
                sizeMismatches.add(blob.sha256());
            }
        }
        List<String> unreferenced = sound.keySet().stream().filter(name -> !referencedNames.contains(name)).sorted().toList();
        VerifyReport report = new VerifyReport(checked, doneBefore[0], corrupt, missing,
                missing.isEmpty() ? List.of() : rows.rowsReferencing(missing),
                corruptReferenced.isEmpty() ? List.of() : rows.rowsReferencing(corruptReferenced),
                sizeMismatches, stray, unreferenced, blobs.listTemporary().size());
        if (report.clean()) {
            log.info("verified {} blobs ({} bytes): clean", checked, doneBefore[0]);
        } else {
            log.warn("verify found problems: {} corrupt, {} missing blobs, {} rows without blobs, {} size mismatches, {} stray files",
                    corrupt.size(), missing.size(), report.rowsWithoutBlobs().size(), sizeMismatches.size(), stray.size());
        }
        return report;
    }
}
