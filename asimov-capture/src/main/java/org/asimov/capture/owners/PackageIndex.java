package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asimov.core.system.LibraryOwner;

/**
 * What one read of an operating system's package database (dpkg's, rpm's) found: for every
 * shared-object-like or executable path an installed package lists, its owner; and what could
 * not be read, as warnings for the capture. Built once per capture, so however many libraries
 * are asked about, the database is read once. A path is looked up under each of its merged-/usr
 * spellings, since the loader and the database need not spell a file alike.
 */
public final class PackageIndex implements OwnerSource {
    private final Map<String, LibraryOwner> ownerOfPath;
    private final MergedUsr mergedUsr;
    private final List<String> warnings;

    PackageIndex(Map<String, LibraryOwner> ownerOfPath, MergedUsr mergedUsr, List<String> warnings) {
        this.ownerOfPath = Map.copyOf(requireNonNull(ownerOfPath, "ownerOfPath is null"));
        this.mergedUsr = requireNonNull(mergedUsr, "mergedUsr is null");
        this.warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    /** No database, nothing to say. */
    static PackageIndex empty(MergedUsr mergedUsr) {
        return new PackageIndex(Map.of(), mergedUsr, List.of());
    }

    /** A database that is there but could not be read: no owners, and why. */
    static PackageIndex unreadable(MergedUsr mergedUsr, String warning) {
        return new PackageIndex(Map.of(), mergedUsr, List.of(warning));
    }

    /** How many paths are indexed; for logs and tests. */
    public int size() {
        return paths().size();
    }

    /** The indexed paths as the database spells them; for tests. */
    Set<String> paths() {
        return ownerOfPath.keySet();
    }

    /** What the capture should record about this database: what could not be read, and what that leaves unknown. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public Map<Path, LibraryOwner> owners(Set<Path> files) {
        Map<Path, LibraryOwner> owners = new LinkedHashMap<>();
        for (Path file : files) {
            // spellings come in preference order: the path as opened wins over its twins
            for (String spelling : mergedUsr.spellings(file)) {
                LibraryOwner owner = ownerOfPath.get(spelling);
                if (owner != null) {
                    owners.put(file, owner);
                    break;
                }
            }
        }
        return owners;
    }
}
