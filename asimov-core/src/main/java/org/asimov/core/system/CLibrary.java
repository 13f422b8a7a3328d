package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

/**
 * The C library the interpreter runs on.
 *
 * @param name    {@code glibc}, {@code musl} or {@code unknown}
 * @param version e.g. {@code 2.36}; {@code null} when it could not be read
 * @param path    the library file the interpreter loads, {@code null} when not found
 */
public record CLibrary(String name, String version, String path) {
    public static final CLibrary UNKNOWN = new CLibrary("unknown", null, null);

    public CLibrary {
        requireNonNull(name, "name is null");
    }
}
