package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

/**
 * A shared library that the interpreter or one of its extension modules loads.
 *
 * @param path     where the dynamic loader finds it (the path it opens, symlinks kept)
 * @param realPath the file behind {@code path}, symlinks resolved
 * @param owner    who installed it; {@code null} when no package database knows the file
 */
public record SharedLibrary(String path, String realPath, LibraryOwner owner) {
    public SharedLibrary {
        requireNonNull(path, "path is null");
        requireNonNull(realPath, "realPath is null");
    }
}
