package org.asimov.capture.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The compiled extension modules an interpreter can import: {@code *.so} files under its
 * {@code sys.path} directories (the standard library's {@code lib-dynload} included, since its
 * modules load libssl, libffi and friends too).
 *
 * <p>What counts as a module rather than a bundled library: a tagged name
 * ({@code .cpython-311-x86_64-linux-gnu.so}, {@code .abi3.so}, {@code .pypy…so}) or an untagged
 * {@code *.so} whose name does not start with {@code lib}. Only directories Python can import
 * from are entered: those whose name is an identifier (a package). That leaves out
 * {@code numpy.libs} (auditwheel's bundled libraries), metadata directories, {@code __pycache__}
 * is kept out by name, and above all the base interpreter's {@code site-packages} inside the
 * standard library directory, which a venv does not see. A directory that is itself another
 * {@code sys.path} entry is walked as that entry, once.
 */
public final class ExtensionModuleFinder {
    private ExtensionModuleFinder() {
    }

    public static List<Path> find(List<String> sysPath) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : sysPath) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        Set<Path> walked = new HashSet<>();
        List<Path> modules = new ArrayList<>();
        for (Path entry : entries) {
            walk(entry, entries, walked, modules);
        }
        modules.sort(null);
        return modules;
    }

    /**
     * Only names that can matter are looked at more closely: a {@code *.so} is checked to be a
     * file, an identifier to be a directory; {@code *.py} and the like cost nothing but the listing.
     */
    private static void walk(Path dir, Set<Path> entries, Set<Path> walked, List<Path> modules) {
        try {
            if (!walked.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        List<Path> subdirectories = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (isExtensionModule(name)) {
                    if (Files.isRegularFile(child)) {
                        modules.add(child);
                    }
                } else if (isIdentifier(name) && !name.equals("__pycache__") && !entries.contains(child)
                        && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    subdirectories.add(child);
                }
            }
        } catch (IOException e) {
            // unreadable: Python could not import from it either
            return;
        }
        for (Path subdirectory : subdirectories) {
            walk(subdirectory, entries, walked, modules);
        }
    }

    /** Python 3 identifiers may hold non-ASCII letters; Java's identifier rules are close enough here. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0)) || name.startsWith("$")) {
            return false;
        }
        return name.codePoints().allMatch(c -> Character.isJavaIdentifierPart(c) && c != '$');
    }

    static boolean isExtensionModule(String name) {
        if (!name.endsWith(".so")) {
            return false;
        }
        return name.contains(".cpython-") || name.contains(".abi3.") || name.contains(".pypy") || !name.startsWith("lib");
    }
}
