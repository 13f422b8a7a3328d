package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.asimov.core.system.LibraryOwner;

/**
 * What one read of dpkg's database found: for every shared-object-like or executable path a
 * package lists, the package ({@code libc6:amd64}); and the installed version of each package.
 * Built once per capture, so however many libraries are asked about, the lists are read once.
 */
public final class DpkgIndex implements OwnerSource {
    private final Map<String, String> packageOfPath;
    private final Map<String, String> versions;
    private final MergedUsr mergedUsr;

    DpkgIndex(Map<String, String> packageOfPath, Map<String, String> versions, MergedUsr mergedUsr) {
        this.packageOfPath = Map.copyOf(requireNonNull(packageOfPath, "packageOfPath is null"));
        this.versions = Map.copyOf(requireNonNull(versions, "versions is null"));
        this.mergedUsr = requireNonNull(mergedUsr, "mergedUsr is null");
    }

    /** How many paths are indexed; for logs and tests. */
    public int size() {
        return packageOfPath.size();
    }

    @Override
    public Map<Path, LibraryOwner> owners(Set<Path> files) {
        Map<Path, LibraryOwner> owners = new LinkedHashMap<>();
        for (Path file : files) {
            // spellings come in preference order: the path as opened wins over its twins
            for (String spelling : mergedUsr.spellings(file)) {
                String pkg = packageOfPath.get(spelling);
                if (pkg != null && versions.containsKey(pkg)) {
                    owners.put(file, new LibraryOwner("dpkg", packageName(pkg), versions.get(pkg)));
                    break;
                }
            }
        }
        return owners;
    }

    private static String packageName(String listName) {
        int colon = listName.indexOf(':');
        return colon < 0 ? listName : listName.substring(0, colon);
    }
}
