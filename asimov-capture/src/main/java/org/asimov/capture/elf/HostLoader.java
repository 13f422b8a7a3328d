package org.asimov.capture.elf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up a {@link DynamicLoader} the way this machine's loader is set up for one executable:
 * glibc or musl from its {@code PT_INTERP}, glibc's {@code /etc/ld.so.cache} or musl's path
 * file, the default directories for its machine, and {@code LD_LIBRARY_PATH} from the given
 * environment.
 */
public final class HostLoader {
    private static final Logger log = LoggerFactory.getLogger(HostLoader.class);
    static final Path CACHE = Path.of("/etc/ld.so.cache");

    private HostLoader() {
    }

    /**
     * The process {@code executable} starts as, or empty when it is not a dynamically linked ELF
     * file of this machine.
     */
    public static Optional<LinkedProcess> start(Path executable, Map<String, String> environment, ElfFiles files) {
        requireNonNull(environment, "environment is null");
        Path real;
        try {
            // glibc's $ORIGIN of the main program is its real location (/proc/self/exe)
            real = executable.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<ElfFile> elf = files.read(real);
        if (elf.isEmpty()) {
            return Optional.empty();
        }
        ElfFile exe = elf.get();
        LoaderFlavour flavour = LoaderFlavour.ofInterpreter(exe.interpreter());
        LoaderCache cache = LoaderCache.EMPTY;
        if (flavour == LoaderFlavour.GLIBC) {
            try {
                cache = LoaderCache.read(CACHE);
            } catch (IOException e) {
                log.warn("cannot read {}; resolving without it: {}", CACHE, e.getMessage());
            }
        }
        DynamicLoader loader = new DynamicLoader(flavour, cache, libraryPath(environment),
                defaultDirectories(flavour, exe.identity()), files);
        return Optional.of(LinkedProcess.start(loader, exe));
    }

    /** {@code LD_LIBRARY_PATH} entries; separated by colons (glibc also takes semicolons). */
    static List<String> libraryPath(Map<String, String> environment) {
        String value = environment.get("LD_LIBRARY_PATH");
        List<String> entries = new ArrayList<>();
        if (value != null) {
            for (String entry : value.split("[:;]")) {
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /**
     * glibc's built-in system directories: the multiarch ones where the distribution uses them
     * (Debian, Ubuntu), {@code lib64} where it does not (Fedora, RHEL, SUSE), then {@code /lib}
     * and {@code /usr/lib}. musl: its path file, else {@code /lib:/usr/local/lib:/usr/lib}.
     */
    static List<String> defaultDirectories(LoaderFlavour flavour, ElfIdentity identity) {
        if (flavour == LoaderFlavour.MUSL) {
            return muslDirectories(identity);
        }
        List<String> directories = new ArrayList<>();
        String triplet = identity.multiarchTriplet();
        if (triplet != null && Files.isDirectory(Path.of("/usr/lib", triplet))) {
            directories.add("/lib/" + triplet);
            directories.add("/usr/lib/" + triplet);
        } else if (identity.bits() == 64) {
            directories.add("/lib64");
            directories.add("/usr/lib64");
        }
        directories.add("/lib");
        directories.add("/usr/lib");
        return directories;
    }

    private static List<String> muslDirectories(ElfIdentity identity) {
        String arch = switch (identity.machine()) {
            case ElfIdentity.EM_X86_64 -> "x86_64";
            case ElfIdentity.EM_AARCH64 -> "aarch64";
            case ElfIdentity.EM_386 -> "i386";
            default -> null;
        };
        if (arch != null) {
            Path pathFile = Path.of("/etc/ld-musl-" + arch + ".path");
            try {
                List<String> directories = new ArrayList<>();
                for (String entry : Files.readString(pathFile).split("[:\\n]")) {
                    if (!entry.isBlank()) {
                        directories.add(entry.strip());
                    }
                }
                return directories;
            } catch (IOException e) {
                // no path file: musl's compiled-in default
            }
        }
        return List.of("/lib", "/usr/local/lib", "/usr/lib");
    }
}
