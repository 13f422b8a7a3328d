package org.asimov.capture.elf;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ELF files one capture has read, so that libc, libm and friends are parsed once however many
 * extension modules need them. Not thread-safe; one instance per capture.
 */
public final class ElfFiles {
    private final Map<Path, Optional<ElfFile>> read = new HashMap<>();

    public Optional<ElfFile> read(Path path) {
        return read.computeIfAbsent(path, ElfFile::read);
    }
}
