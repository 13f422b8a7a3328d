package org.asimov.store.blob;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A piece of content in the store, named by its SHA-256.
 *
 * @param sha256 64 lower-case hex digits
 * @param size length in bytes
 */
public record Blob(String sha256, long size) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Blob {
        requireNonNull(sha256, "sha256 is null");
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }

    /** Whether {@code value} is a SHA-256 as the store writes it (blob file names are exactly this). */
    public static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value).matches();
    }
}
