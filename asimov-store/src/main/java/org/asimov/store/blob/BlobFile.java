package org.asimov.store.blob;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file found under {@code objects/} or {@code tmp/} of a store, as gc and verify see it.
 *
 * @param name the file name, a SHA-256 for a well-formed blob
 * @param modified last modification, which gc compares with its grace period
 */
public record BlobFile(Path path, String name, long size, Instant modified) {
    public BlobFile {
        requireNonNull(path, "path is null");
        requireNonNull(name, "name is null");
        requireNonNull(modified, "modified is null");
    }

    /** Whether the file sits where a blob of its name belongs ({@code objects/ab/ab…}). */
    public boolean wellPlaced() {
        return Blob.isSha256(name) && path.getParent() != null
                && path.getParent().getFileName().toString().equals(name.substring(0, 2));
    }
}
