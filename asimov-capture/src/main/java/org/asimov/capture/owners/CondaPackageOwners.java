package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.asimov.capture.conda.CondaMetaReader;
import org.asimov.capture.conda.CondaMetaRecord;
import org.asimov.core.system.LibraryOwner;

/**
 * Owners from a conda prefix's {@code conda-meta/*.json} records, whose {@code files} lists the
 * prefix-relative paths each package installed (conda's {@code PrefixData}). The version written
 * is {@code version=build}, as {@code conda list --export} pins it.
 */
public final class CondaPackageOwners implements OwnerSource {
    private final Path prefix;
    private final CondaMetaReader reader;

    public CondaPackageOwners(Path prefix, CondaMetaReader reader) {
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    @Override
    public Map<Path, LibraryOwner> owners(Set<Path> files) {
        if (files.isEmpty() || !Files.isDirectory(prefix.resolve("conda-meta"))) {
            return Map.of();
        }
        Path realPrefix = realOrSelf(prefix);
        Map<Path, LibraryOwner> byFile = new HashMap<>();
        for (CondaMetaRecord record : reader.read(prefix).records().values()) {
            LibraryOwner owner = new LibraryOwner("conda", record.name(), record.version() + "=" + record.build());
            for (String file : record.files()) {
                byFile.put(realPrefix.resolve(file).normalize(), owner);
            }
        }
        Map<Path, LibraryOwner> owners = new LinkedHashMap<>();
        for (Path file : files) {
            LibraryOwner owner = byFile.get(underRealPrefix(file, realPrefix));
            if (owner == null) {
                owner = byFile.get(realOrSelf(file));
            }
            if (owner != null) {
                owners.put(file, owner);
            }
        }
        return owners;
    }

    /** The file spelled under the prefix's real path, symlinks inside the prefix kept (conda records the link). */
    private Path underRealPrefix(Path file, Path realPrefix) {
        Path normalised = file.toAbsolutePath().normalize();
        Path spelledPrefix = prefix.toAbsolutePath().normalize();
        return normalised.startsWith(spelledPrefix) ? realPrefix.resolve(spelledPrefix.relativize(normalised)) : normalised;
    }

    static Path realOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
