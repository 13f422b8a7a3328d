package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.asimov.core.system.LibraryOwner;

/**
 * rpm's database, read without rpm. Since rpm 4.16 (Fedora 33, RHEL 9, Debian's rpm 4.18) it is
 * a SQLite file, {@code rpmdb.sqlite}, whose {@code Packages} table holds each installed package
 * as an rpm header (see {@link RpmHeader}). It is read once per capture into a
 * {@link PackageIndex} of the loadable paths each package installs, owned as
 * {@code rpm:name=[epoch:]version-release}. A header that cannot be parsed is skipped with a
 * warning. Older formats, Berkeley DB ({@code Packages}, before rpm 4.16) and ndb
 * ({@code Packages.db}, openSUSE), are not read: the capture names what it found and leaves
 * the owners of rpm's files unknown.
 */
public final class RpmDatabase {
    /** Where rpm keeps its database: the classic place and the one newer Fedora and openSUSE use. */
    public static final List<Path> LOCATIONS = List.of(Path.of("/var/lib/rpm"), Path.of("/usr/lib/sysimage/rpm"));

    private static final String UNOWNED = "libraries installed by rpm are listed without an owner "
            + "(run 'rpm -qf FILE' on the paths in environment.json to name them)";

    private final List<Path> locations;
    private final MergedUsr mergedUsr;

    public RpmDatabase(List<Path> locations, MergedUsr mergedUsr) {
        this.locations = List.copyOf(requireNonNull(locations, "locations is null"));
        this.mergedUsr = requireNonNull(mergedUsr, "mergedUsr is null");
    }

    /** The first database found in the locations, read; an empty index where there is none. */
    public PackageIndex index() {
        for (Path location : locations) {
            Path sqlite = location.resolve("rpmdb.sqlite");
            if (Files.isRegularFile(sqlite)) {
                return read(sqlite);
            }
            if (Files.isRegularFile(location.resolve("Packages.db"))) {
                return PackageIndex.unreadable(mergedUsr, "an rpm database in ndb format is present at "
                        + location.resolve("Packages.db") + " but asimov reads only rpm's SQLite database; " + UNOWNED);
            }
            if (Files.isRegularFile(location.resolve("Packages"))) {
                return PackageIndex.unreadable(mergedUsr, "an rpm database in Berkeley DB format (rpm before 4.16) is "
                        + "present at " + location.resolve("Packages") + " but asimov reads only rpm's SQLite database; "
                        + UNOWNED);
            }
        }
        return PackageIndex.empty(mergedUsr);
    }

    private PackageIndex read(Path sqlite) {
        Map<String, LibraryOwner> ownerOfPath = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        try {
            List<String> skipped = forEachPackage(sqlite, pkg -> {
                LibraryOwner owner = pkg.owner();
                for (String file : pkg.files()) {
                    if (LoadablePaths.isLoadable(file)) {
                        ownerOfPath.putIfAbsent(file, owner);
                    }
                }
            });
            if (!skipped.isEmpty()) {
                warnings.add(skipped.size() + " package header(s) in the rpm database " + sqlite
                        + " could not be parsed and were skipped (" + String.join("; ", skipped.subList(0, Math.min(3, skipped.size())))
                        + "); files of those packages are listed without an owner");
            }
        } catch (IOException e) {
            return PackageIndex.unreadable(mergedUsr, "the rpm database " + sqlite + " could not be read ("
                    + e.getMessage() + "); " + UNOWNED);
        }
        return new PackageIndex(ownerOfPath, mergedUsr, warnings);
    }

    /**
     * Hands every package of an {@code rpmdb.sqlite} to {@code each}, in the database's order.
     *
     * @return one line per header skipped because it could not be parsed
     */
    static List<String> forEachPackage(Path sqlite, Consumer<RpmPackage> each) throws IOException {
        List<String> skipped = new ArrayList<>();
        RpmSqlite.forEachHeader(sqlite, (blob, hnum) -> {
            RpmPackage pkg;
            try {
                pkg = RpmPackage.of(RpmHeader.parse(blob));
            } catch (RpmHeader.MalformedException e) {
                skipped.add("header " + hnum + ": " + e.getMessage());
                return;
            }
            each.accept(pkg);
        });
        return skipped;
    }
}
