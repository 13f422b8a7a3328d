package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The shared libraries an environment's compiled code loads, resolved as the dynamic loader
 * resolves them, and who owns each.
 *
 * @param interpreter  the interpreter executable itself; {@code null} when it is not ELF
 * @param extensions   every compiled extension module under the interpreter's {@code sys.path}
 * @param libraries    every library they load, transitively, once each, sorted by path
 * @param searchPath   {@code LD_LIBRARY_PATH} as the resolution used it, {@code null} when unset
 */
public record LibraryReport(
        LoadedObject interpreter,
        List<LoadedObject> extensions,
        List<SharedLibrary> libraries,
        String searchPath) {
    public static final LibraryReport EMPTY = new LibraryReport(null, List.of(), List.of(), null);

    public LibraryReport {
        extensions = List.copyOf(requireNonNull(extensions, "extensions is null"));
        libraries = List.copyOf(requireNonNull(libraries, "libraries is null"));
    }

    /** The OS packages (dpkg, rpm) that own a loaded library, sorted and distinct. */
    public SortedSet<LibraryOwner> osPackages() {
        SortedSet<LibraryOwner> owners = new TreeSet<>();
        for (SharedLibrary library : libraries) {
            if (library.owner() != null && library.owner().isOsPackage()) {
                owners.add(library.owner());
            }
        }
        return owners;
    }
}
