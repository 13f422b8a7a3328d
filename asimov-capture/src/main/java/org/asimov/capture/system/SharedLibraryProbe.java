package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.asimov.capture.conda.CondaMetaReader;
import org.asimov.capture.elf.ElfFile;
import org.asimov.capture.elf.ElfFiles;
import org.asimov.capture.elf.HostLoader;
import org.asimov.capture.elf.LinkedProcess;
import org.asimov.capture.elf.Linking;
import org.asimov.capture.owners.CondaPackageOwners;
import org.asimov.capture.owners.DpkgDatabase;
import org.asimov.capture.owners.LibraryOwners;
import org.asimov.capture.owners.MergedUsr;
import org.asimov.capture.owners.OwnerSource;
import org.asimov.capture.owners.PackageIndex;
import org.asimov.capture.owners.PythonDistributionOwners;
import org.asimov.capture.owners.RpmDatabase;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.system.CLibrary;
import org.asimov.core.system.LibraryOwner;
import org.asimov.core.system.LibraryReport;
import org.asimov.core.system.LoadedObject;
import org.asimov.core.system.SharedLibrary;

/**
 * The shared libraries of an interpreter and its compiled extension modules, resolved as the
 * loader would, with the package that owns each: the Python distribution, the conda package or
 * the OS package. One instance per machine; all state of a capture lives in one call.
 */
public final class SharedLibraryProbe {
    private final DpkgDatabase dpkg;
    private final RpmDatabase rpm;
    private final CondaMetaReader condaMeta;

    public SharedLibraryProbe(DpkgDatabase dpkg, RpmDatabase rpm, CondaMetaReader condaMeta) {
        this.dpkg = requireNonNull(dpkg, "dpkg is null");
        this.rpm = requireNonNull(rpm, "rpm is null");
        this.condaMeta = requireNonNull(condaMeta, "condaMeta is null");
    }

    public static SharedLibraryProbe host() {
        MergedUsr mergedUsr = new MergedUsr(Path.of("/"));
        return new SharedLibraryProbe(new DpkgDatabase(DpkgDatabase.DEFAULT, mergedUsr),
                new RpmDatabase(RpmDatabase.LOCATIONS, mergedUsr), new CondaMetaReader());
    }

    /** The libraries, the C library they bring, and what could not be resolved or owned. */
    public record Result(LibraryReport report, CLibrary libc, List<String> warnings, Map<String, Long> timingsMillis) {
        public Result {
            requireNonNull(report, "report is null");
            requireNonNull(libc, "libc is null");
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
            timingsMillis = Map.copyOf(requireNonNull(timingsMillis, "timingsMillis is null"));
        }
    }

    /**
     * Reads the OS package databases (dpkg's, rpm's) once; hand the result to {@link #probe} (it may be
     * read on another thread).
     */
    public List<PackageIndex> osPackages() {
        return List.of(dpkg.index(), rpm.index());
    }

    /**
     * @param osPackages gives the OS package indexes when owners are looked up, after the libraries are
     *                   resolved, so that they can be read meanwhile on another thread
     */
    public Result probe(InterpreterInfo interpreter, Map<String, String> environment, Supplier<List<PackageIndex>> osPackages) {
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Optional<LinkedProcess> started = HostLoader.start(Path.of(interpreter.executable()), environment, new ElfFiles());
        if (started.isEmpty()) {
            warnings.add(interpreter.executable() + " is not a dynamically linked ELF executable of this machine; "
                    + "shared libraries not resolved");
            return new Result(LibraryReport.EMPTY, CLibrary.UNKNOWN, warnings, Map.of());
        }
        LinkedProcess process = started.get();
        Linking self = process.executableLinking();
        long loaderReady = System.nanoTime();
        List<Path> modules = ExtensionModuleFinder.find(interpreter.sysPath());
        long found = System.nanoTime();
        Map<Path, Linking> extensions = new LinkedHashMap<>();
        for (Path module : modules) {
            Optional<ElfFile> elf = ElfFile.read(module);
            if (elf.isEmpty() || !elf.get().identity().equals(process.executable().identity())) {
                // not loadable into this interpreter (another machine's wheel, or not ELF): import fails too
                warnings.add(module + " is not an ELF object this interpreter can load; skipped");
                continue;
            }
            Linking linking = process.load(elf.get());
            extensions.put(module, linking);
            linking.direct().forEach((name, path) -> {
                if (path == null) {
                    warnings.add(module + " needs " + name + ", which the dynamic loader would not find");
                }
            });
        }
        long resolved = System.nanoTime();

        Map<Path, Path> libraries = new LinkedHashMap<>(); // loader path -> real path, first spelling of each file
        Set<Path> reals = new LinkedHashSet<>();
        Set<Path> seen = new HashSet<>();
        List<Linking> all = new ArrayList<>();
        all.add(self);
        all.addAll(extensions.values());
        for (Linking linking : all) {
            for (Path path : linking.all().values()) {
                if (path != null) {
                    Path normalised = path.toAbsolutePath().normalize();
                    // every extension loads libc again: resolve symlinks once per library, not per load
                    if (!libraries.containsKey(normalised) && !seen.contains(normalised)) {
                        seen.add(normalised);
                        Path real = realOrSelf(normalised);
                        if (reals.add(real)) {
                            libraries.put(normalised, real);
                        }
                    }
                }
            }
        }
        Set<Path> toOwn = new LinkedHashSet<>(libraries.keySet());
        // the binary that runs, not the python3 -> python3.11 link its package manager may own separately
        Path executable = realOrSelf(Path.of(interpreter.executable()).toAbsolutePath().normalize());
        toOwn.add(executable);
        toOwn.addAll(extensions.keySet());
        List<PackageIndex> osIndexes = osPackages.get();
        Map<Path, LibraryOwner> owners = owners(interpreter, osIndexes).owners(toOwn);
        osIndexes.forEach(index -> warnings.addAll(index.warnings()));
        long owned = System.nanoTime();

        List<SharedLibrary> shared = new ArrayList<>();
        libraries.forEach((path, real) -> shared.add(new SharedLibrary(path.toString(), real.toString(), owners.get(path))));
        shared.sort((a, b) -> a.path().compareTo(b.path()));
        List<LoadedObject> loadedModules = new ArrayList<>();
        extensions.forEach((path, linking) -> loadedModules.add(loaded(path, linking, owners)));
        LibraryReport report = new LibraryReport(loaded(executable, self, owners), loadedModules, shared,
                environment.get("LD_LIBRARY_PATH"));
        Map<String, Long> timings = Map.of("loader", (loaderReady - start) / 1_000_000,
                "extensions", (found - loaderReady) / 1_000_000, "libraries", (resolved - found) / 1_000_000,
                "owners", (owned - resolved) / 1_000_000);
        return new Result(report, CLibraryProbe.of(process), warnings, timings);
    }

    private LibraryOwners owners(InterpreterInfo interpreter, List<PackageIndex> osIndexes) {
        List<OwnerSource> sources = new ArrayList<>();
        sources.add(new PythonDistributionOwners(interpreter.sysPath()));
        Set<String> prefixes = new LinkedHashSet<>(List.of(interpreter.prefix(), interpreter.basePrefix()));
        for (String prefix : prefixes) {
            if (Files.isDirectory(Path.of(prefix, "conda-meta"))) {
                sources.add(new CondaPackageOwners(Path.of(prefix), condaMeta));
            }
        }
        sources.addAll(osIndexes);
        return new LibraryOwners(sources);
    }

    private static LoadedObject loaded(Path path, Linking linking, Map<Path, LibraryOwner> owners) {
        Map<String, String> needed = new LinkedHashMap<>();
        linking.direct().forEach((name, found) -> needed.put(name, found == null ? null : found.normalize().toString()));
        return new LoadedObject(path.toString(), owners.get(path), needed);
    }

    private static Path realOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
