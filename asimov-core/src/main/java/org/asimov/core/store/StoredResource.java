package org.asimov.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One file of one analysis in the results store: a manifest row and the blob it points at.
 *
 * @param sha256 hex SHA-256 of the content, which is also the blob's name
 */
public record StoredResource(String event, String analysis, String name, String sha256, long size, Instant storedAt) {
    public StoredResource {
        requireNonNull(event, "event is null");
        requireNonNull(analysis, "analysis is null");
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(storedAt, "storedAt is null");
    }
}
