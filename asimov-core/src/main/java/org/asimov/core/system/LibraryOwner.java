package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Set;

/**
 * Who installed a file: an OS package ({@code dpkg}, {@code rpm}), a conda package
 * ({@code conda}) or a Python distribution ({@code pip}).
 *
 * @param manager the package manager
 * @param name    the package name as that manager writes it
 * @param version the version as that manager prints it
 */
public record LibraryOwner(String manager, String name, String version) implements Comparable<LibraryOwner> {
    /** The managers whose packages {@code environment-system.txt} lists: the operating system's own. */
    public static final Set<String> OS_MANAGERS = Set.of("dpkg", "rpm");

    private static final Comparator<LibraryOwner> ORDER = Comparator.comparing(LibraryOwner::line);

    public LibraryOwner {
        requireNonNull(manager, "manager is null");
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        if (manager.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("manager and name must not be blank");
        }
    }

    public boolean isOsPackage() {
        return OS_MANAGERS.contains(manager);
    }

    /** {@code manager:name=version}, the line {@code environment-system.txt} writes. */
    public String line() {
        return manager + ":" + name + "=" + version;
    }

    @Override
    public int compareTo(LibraryOwner other) {
        return ORDER.compare(this, other);
    }
}
