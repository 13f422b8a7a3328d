package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * rpm's database, which we detect but do not read. Since rpm 4.16 (Fedora 33, RHEL 9) it is a
 * SQLite file ({@code rpmdb.sqlite}) whose {@code Packages} table holds each package as an rpm
 * <em>header blob</em> (rpm's own binary tag format); before that it was Berkeley DB. Reading the
 * file list out of those blobs needs a SQLite driver plus a header parser (or the {@code rpm}
 * tool), neither of which asimov ships. So on rpm systems the libraries are resolved and listed,
 * their owners stay unknown, and the capture says so in a warning rather than guessing.
 */
public final class RpmDatabase {
    /** Where rpm keeps its database: the classic place and the one newer Fedora and openSUSE use. */
    public static final List<Path> LOCATIONS = List.of(Path.of("/var/lib/rpm"), Path.of("/usr/lib/sysimage/rpm"));

    private final List<Path> locations;
    private final MergedUsr mergedUsr;

    public RpmDatabase(List<Path> locations, MergedUsr mergedUsr) {
        this.locations = List.copyOf(requireNonNull(locations, "locations is null"));
        this.mergedUsr = requireNonNull(mergedUsr, "mergedUsr is null");
    }

    /** No owners; a warning when an rpm database is present. */
    public PackageIndex index() {
        return warning().map(w -> PackageIndex.unreadable(mergedUsr, w)).orElseGet(() -> PackageIndex.empty(mergedUsr));
    }

    private Optional<String> warning() {
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                return Optional.of("an rpm database is present at " + location + " but asimov does not read rpm's "
                        + "header format; libraries installed by rpm are listed without an owner "
                        + "(run 'rpm -qf FILE' on the paths in environment.json to name them)");
            }
        }
        return Optional.empty();
    }
}
