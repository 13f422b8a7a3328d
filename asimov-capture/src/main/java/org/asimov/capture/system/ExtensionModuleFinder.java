package org.asimov.capture.system;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
            if (!Files.isDirectory(entry)) {
                continue;
            }
            try {
                Files.walkFileTree(entry, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        boolean otherEntry = !dir.equals(entry) && entries.contains(dir);
                        boolean importable = dir.equals(entry) || isIdentifier(name);
                        if (otherEntry || !importable || name.equals("__pycache__") || !walked.add(dir.toRealPath())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && isExtensionModule(file.getFileName().toString())) {
                            modules.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // an unreadable sys.path entry: its modules could not be imported either
            }
        }
        modules.sort(null);
        return modules;
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
