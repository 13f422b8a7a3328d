package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.asimov.core.system.LibraryOwner;

/**
 * What capture takes from one installed package's header: its name, epoch, version, release,
 * architecture and files.
 *
 * @param epoch {@code null} when the package has none (rpm then prints no {@code E:})
 * @param arch  empty for the few headers without one ({@code gpg-pubkey})
 * @param files absolute paths, each a directory name joined to a base name as rpm stores them
 */
record RpmPackage(String name, Integer epoch, String version, String release, String arch, List<String> files) {
    RpmPackage {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(release, "release is null");
        requireNonNull(arch, "arch is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    static RpmPackage of(RpmHeader header) throws RpmHeader.MalformedException {
        String name = required(header, RpmHeader.NAME, "NAME");
        int[] epoch = header.ints(RpmHeader.EPOCH);
        return new RpmPackage(name, epoch.length == 0 ? null : epoch[0], required(header, RpmHeader.VERSION, "VERSION"),
                required(header, RpmHeader.RELEASE, "RELEASE"), header.string(RpmHeader.ARCH).orElse(""), files(header));
    }

    /** {@code [epoch:]version-release}, as {@code rpm -q --qf '%{EVR}'} prints it. */
    String evr() {
        return (epoch == null ? "" : epoch + ":") + version + "-" + release;
    }

    LibraryOwner owner() {
        return new LibraryOwner("rpm", name, evr());
    }

    private static String required(RpmHeader header, int tag, String name) throws RpmHeader.MalformedException {
        return header.string(tag).orElseThrow(() -> new RpmHeader.MalformedException("no " + name + " tag"));
    }

    /** BASENAMES joined to DIRNAMES through DIRINDEXES (rpm 4.1 and later), else the OLDFILENAMES of older packages. */
    private static List<String> files(RpmHeader header) throws RpmHeader.MalformedException {
        List<String> basenames = header.strings(RpmHeader.BASENAMES);
        if (basenames.isEmpty()) {
            return header.strings(RpmHeader.OLDFILENAMES);
        }
        int[] dirIndexes = header.ints(RpmHeader.DIRINDEXES);
        List<String> dirnames = header.strings(RpmHeader.DIRNAMES);
        if (dirIndexes.length != basenames.size()) {
            throw new RpmHeader.MalformedException(basenames.size() + " base names but " + dirIndexes.length + " directory indexes");
        }
        List<String> files = new ArrayList<>(basenames.size());
        for (int i = 0; i < dirIndexes.length; i++) {
            if (dirIndexes[i] < 0 || dirIndexes[i] >= dirnames.size()) {
                throw new RpmHeader.MalformedException("directory index " + dirIndexes[i] + " of " + dirnames.size()
                        + " directory names");
            }
            files.add(dirnames.get(dirIndexes[i]) + basenames.get(i));
        }
        return files;
    }
}
