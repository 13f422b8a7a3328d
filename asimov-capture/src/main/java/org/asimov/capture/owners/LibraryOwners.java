package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asimov.core.system.LibraryOwner;

/**
 * Asks the package databases in order, most specific first: the Python distributions of the
 * environment, then its conda packages, then the operating system's. A file goes to the first
 * database that claims it, so {@code numpy.libs/…} is numpy's and never an OS package's.
 */
public final class LibraryOwners {
    private final List<OwnerSource> sources;

    public LibraryOwners(List<OwnerSource> sources) {
        this.sources = List.copyOf(requireNonNull(sources, "sources is null"));
    }

    public Map<Path, LibraryOwner> owners(Set<Path> files) {
        Map<Path, LibraryOwner> owners = new HashMap<>();
        Set<Path> unclaimed = new LinkedHashSet<>(files);
        for (OwnerSource source : sources) {
            if (unclaimed.isEmpty()) {
                break;
            }
            Map<Path, LibraryOwner> claimed = source.owners(Set.copyOf(unclaimed));
            owners.putAll(claimed);
            unclaimed.removeAll(claimed.keySet());
        }
        return owners;
    }
}
