package org.asimov.capture.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.asimov.core.environment.InterpreterInfo;

/**
 * The interpreter of a conda prefix whose python cannot run here (copied from another machine or
 * architecture), described from the prefix itself: the version from conda's python record, and
 * the {@code sys.path} a CPython of that version would have, including the directories that
 * {@code .pth} files in site-packages add (their {@code import} lines cannot be run and are skipped).
 * No user site: it belongs to whoever runs the environment.
 */
public final class PrefixInterpreter {
    private PrefixInterpreter() {
    }

    /**
     * @param pythonVersion the python record's version, e.g. {@code 3.11.7}
     * @param condaSubdir   conda's platform, e.g. {@code linux-64}, or {@code null}
     */
    public static ProbedInterpreter describe(Path prefix, String pythonVersion, String condaSubdir) {
        String[] parts = pythonVersion.split("\\.");
        String majorMinor = parts[0] + "." + (parts.length > 1 ? parts[1] : "0");
        Path lib = prefix.resolve("lib");
        Path stdlib = lib.resolve("python" + majorMinor);
        Path sitePackages = stdlib.resolve("site-packages");
        Set<String> sysPath = new LinkedHashSet<>(List.of(
                lib.resolve("python" + majorMinor.replace(".", "") + ".zip").toString(),
                stdlib.toString(),
                stdlib.resolve("lib-dynload").toString()));
        if (Files.isDirectory(sitePackages)) {
            sysPath.add(sitePackages.toString());
            sysPath.addAll(pthDirectories(sitePackages, sysPath));
        }
        InterpreterInfo info = new InterpreterInfo(pythonVersion, pythonVersion, "cpython",
                prefix.resolve("bin").resolve("python").toString(), prefix.toString(), prefix.toString(),
                new ArrayList<>(sysPath), sysconfigPlatform(condaSubdir));
        int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
        boolean importlibForPip = Integer.parseInt(parts[0]) > 3 || minor >= 11;
        return new ProbedInterpreter(info, importlibForPip);
    }

    /** site's {@code addpackage}: .pth files in name order, each line a directory unless it imports. */
    private static List<String> pthDirectories(Path sitePackages, Set<String> known) {
        List<String> added = new ArrayList<>();
        List<Path> pthFiles;
        try (Stream<Path> children = Files.list(sitePackages)) {
            pthFiles = children.filter(p -> p.getFileName().toString().endsWith(".pth"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return added;
        }
        for (Path pth : pthFiles) {
            List<String> lines;
            try {
                lines = Files.readAllLines(pth, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue;
            }
            for (String line : lines) {
                if (line.startsWith("#") || line.isBlank() || line.startsWith("import ") || line.startsWith("import\t")) {
                    continue;
                }
                Path dir = sitePackages.resolve(line.stripTrailing()).toAbsolutePath().normalize();
                if (Files.exists(dir) && !known.contains(dir.toString()) && !added.contains(dir.toString())) {
                    added.add(dir.toString());
                }
            }
        }
        return added;
    }

    /** {@code sysconfig.get_platform()} for conda's Linux subdirs; other platforms keep conda's name. */
    static String sysconfigPlatform(String condaSubdir) {
        if (condaSubdir == null) {
            return "unknown";
        }
        if (condaSubdir.equals("linux-64")) {
            return "linux-x86_64";
        }
        if (condaSubdir.equals("linux-32")) {
            return "linux-i686";
        }
        if (condaSubdir.startsWith("linux-")) {
            return condaSubdir;
        }
        return "conda-" + condaSubdir;
    }
}
