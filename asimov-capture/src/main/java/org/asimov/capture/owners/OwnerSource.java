package org.asimov.capture.owners;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.asimov.core.system.LibraryOwner;

/**
 * One package database asked, in one batch, who owns a set of files. Batches, because the
 * databases (dpkg's lists above all) are cheapest to read once for all files at a time.
 */
public interface OwnerSource {
    /**
     * @param files absolute, lexically normalised paths as the loader opens them
     * @return the owner of each file this database knows; files it does not know are absent
     */
    Map<Path, LibraryOwner> owners(Set<Path> files);
}
