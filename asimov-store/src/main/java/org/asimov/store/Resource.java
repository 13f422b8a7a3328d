package org.asimov.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import org.asimov.core.store.StoredResource;

/**
 * One file of an analysis as {@link Manifest#listResources} shows it: its name, the SHA-256
 * of its content, its size and when it was stored.
 */
public record Resource(String name, String sha256, long size, Instant storedAt) {
    public Resource {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(storedAt, "storedAt is null");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }

    static Resource of(StoredResource stored) {
        return new Resource(stored.name(), stored.sha256(), stored.size(), stored.storedAt());
    }
}
