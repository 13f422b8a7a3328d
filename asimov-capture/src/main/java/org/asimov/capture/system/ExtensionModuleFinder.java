package org.asimov.capture.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
            // Two sys.path spellings of one directory are walked once. Below an entry no symlink
            // is followed, so nothing there can loop or lead back: only entries need a real path.
            try {
                if (walked.add(entry.toRealPath())) {
                    walk(entry, entries, modules);
                }
            } catch (IOException e) {
                // gone or unreadable: Python could not import from it either
            }
        }
        modules.sort(null);
        return modules;
    }

    /**
     * Only names that can matter are looked at more closely: a {@code *.so} is checked to be a
     * file, an identifier to be a directory (not a link to one); {@code *.py} and the like cost
     * nothing but the listing. Names are listed as strings ({@link File#list}): a scientific
     * stack's site-packages holds tens of thousands of entries, and making a {@link Path} of
     * each took most of the walk's time.
     */
    private static void walk(Path entry, Set<Path> entries, List<Path> modules) {
        Deque<Path> directories = new ArrayDeque<>();
        directories.push(entry);
        while (!directories.isEmpty()) {
            Path directory = directories.pop();
            String[] names = directory.toFile().list();
            if (names == null) {
                continue; // unreadable: Python could not import from it either
            }
            for (String name : names) {
                if (isExtensionModule(name)) {
                    Path module = directory.resolve(name);
                    if (Files.isRegularFile(module)) {
                        modules.add(module);
                    }
                } else if (isIdentifier(name) && !name.equals("__pycache__")) {
                    Path child = directory.resolve(name);
                    if (!entries.contains(child) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        directories.push(child);
                    }
                }
            }
        }
    }

    /** Python 3 identifiers may hold non-ASCII letters; Java's identifier rules are close enough here. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0)) || name.startsWith("$")) {
            return false;
        }
        // a loop, not codePoints().allMatch(): this runs for every name in site-packages, and a
        // stream's set-up costs a cold process more than the test itself
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(c) || c == '$') {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static boolean isExtensionModule(String name) {
        if (!name.endsWith(".so")) {
            return false;
        }
        return name.contains(".cpython-") || name.contains(".abi3.") || name.contains(".pypy") || !name.startsWith("lib");
    }
}
