package org.asimov.capture.elf;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a needed library the way the dynamic loader does ({@code ld.so(8)}, glibc
 * {@code elf/dl-load.c} {@code _dl_map_object}), without running it.
 *
 * <p>glibc order, for a name without a slash, requested by object {@code R} whose chain of
 * loaders is {@code R, R's loader, …}: the {@code DT_RPATH} of each object in the chain that has
 * no {@code DT_RUNPATH} (only while {@code R} itself has no RUNPATH), then the executable's
 * RPATH; {@code LD_LIBRARY_PATH}; {@code R}'s RUNPATH; {@code /etc/ld.so.cache}; the default
 * directories. A candidate counts only when it is an ELF file of the requester's class, byte
 * order and machine, so a 32-bit library in a searched directory is skipped as the loader skips
 * it. {@code $ORIGIN}, {@code $LIB} and {@code $PLATFORM} are expanded.
 *
 * <p>{@code LD_LIBRARY_PATH} is the one given, which the capture takes from the environment the
 * interpreter probe ran in: that is the environment whose libraries the capture describes.
 */
public final class DynamicLoader {
    private final LoaderFlavour flavour;
    private final LoaderCache cache;
    private final List<String> libraryPath;
    private final List<String> defaultDirectories;
    private final ElfFiles files;

    public DynamicLoader(LoaderFlavour flavour, LoaderCache cache, List<String> libraryPath,
            List<String> defaultDirectories, ElfFiles files) {
        this.flavour = requireNonNull(flavour, "flavour is null");
        this.cache = requireNonNull(cache, "cache is null");
        this.libraryPath = List.copyOf(requireNonNull(libraryPath, "libraryPath is null"));
        this.defaultDirectories = List.copyOf(requireNonNull(defaultDirectories, "defaultDirectories is null"));
        this.files = requireNonNull(files, "files is null");
    }

    public ElfFiles files() {
        return files;
    }

    /**
     * Where the loader would find {@code name} for the first object of {@code chain}.
     *
     * @param chain      the requesting object, then the object that loaded it, and so on
     * @param executable the process's executable (its RPATH applies to every glibc search)
     */
    public Optional<ElfFile> find(String name, List<ElfFile> chain, ElfFile executable) {
        ElfFile requester = chain.get(0);
        if (name.contains("/")) {
            return candidate(Path.of(expand(name, requester)), requester.identity());
        }
        boolean glibc = flavour == LoaderFlavour.GLIBC;
        List<String> directories = glibc ? glibcDirectories(chain, executable) : muslDirectories(chain);
        for (String directory : directories) {
            Optional<ElfFile> found = candidate(Path.of(directory, name), requester.identity());
            if (found.isPresent()) {
                return found;
            }
        }
        if (glibc) {
            for (String cached : cache.lookup(name)) {
                Optional<ElfFile> found = candidate(Path.of(cached), requester.identity());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (String directory : defaultDirectories) {
            Optional<ElfFile> found = candidate(Path.of(directory, name), requester.identity());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The directories glibc searches before its cache. */
    private List<String> glibcDirectories(List<ElfFile> chain, ElfFile executable) {
        ElfFile requester = chain.get(0);
        List<String> directories = new ArrayList<>();
        if (requester.runpath() == null) {
            for (ElfFile object : chain) {
                addRpath(directories, object);
            }
            // by path, not the record's equals: see ElfIdentity
            if (chain.stream().noneMatch(object -> object.path().equals(executable.path()))) {
                addRpath(directories, executable);
            }
        }
        directories.addAll(libraryPath);
        if (requester.runpath() != null) {
            split(directories, requester.runpath(), requester);
        }
        return directories;
    }

    /** The directories musl searches before its system path (it has no cache). */
    private List<String> muslDirectories(List<ElfFile> chain) {
        List<String> directories = new ArrayList<>(libraryPath);
        for (ElfFile object : chain) {
            String path = object.runpath() != null ? object.runpath() : object.rpath();
            if (path != null) {
                split(directories, path, object);
            }
        }
        return directories;
    }

    private Optional<ElfFile> candidate(Path path, ElfIdentity identity) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return files.read(path).filter(elf -> elf.identity().equals(identity));
    }

    private static void addRpath(List<String> directories, ElfFile object) {
        // glibc drops DT_RPATH of an object that also has DT_RUNPATH
        if (object.rpath() != null && object.runpath() == null) {
            split(directories, object.rpath(), object);
        }
    }

    private static void split(List<String> directories, String path, ElfFile owner) {
        for (String entry : path.split(":")) {
            if (!entry.isEmpty()) {
                directories.add(expand(entry, owner));
            }
        }
    }

    /** Dynamic string tokens, expanded relative to the object whose RPATH or RUNPATH holds them. */
    static String expand(String entry, ElfFile owner) {
        if (entry.indexOf('$') < 0) {
            return entry;
        }
        Path parent = owner.path().toAbsolutePath().getParent();
        String origin = parent == null ? "/" : parent.toString();
        return entry
                .replace("${ORIGIN}", origin).replace("$ORIGIN", origin)
                .replace("${PLATFORM}", platform(owner.identity())).replace("$PLATFORM", platform(owner.identity()))
                .replace("${LIB}", lib(owner.identity())).replace("$LIB", lib(owner.identity()));
    }

    /** AT_PLATFORM as the kernel reports it for the common machines. */
    private static String platform(ElfIdentity identity) {
        return switch (identity.machine()) {
            case ElfIdentity.EM_X86_64 -> "x86_64";
            case ElfIdentity.EM_AARCH64 -> "aarch64";
            case ElfIdentity.EM_386 -> "i686";
            default -> "unknown";
        };
    }

    /** glibc's {@code $LIB}: the multiarch directory on Debian-style systems, {@code lib64} or {@code lib} elsewhere. */
    private static String lib(ElfIdentity identity) {
        String triplet = identity.multiarchTriplet();
        if (triplet != null && Files.isDirectory(Path.of("/lib", triplet))) {
            return "lib/" + triplet;
        }
        return identity.bits() == 64 ? "lib64" : "lib";
    }
}
