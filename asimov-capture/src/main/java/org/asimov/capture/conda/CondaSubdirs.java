package org.asimov.capture.conda;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * conda platform subdirs ({@code linux-64}, {@code osx-arm64}, {@code noarch}, …): which ones
 * exist, which one a record belongs to, and which one the export header names.
 */
public final class CondaSubdirs {
    static final String NOARCH = "noarch";

    /** conda's {@code KNOWN_SUBDIRS} ({@code base/constants.py}). */
    private static final Set<String> KNOWN = Set.of(NOARCH, "emscripten-wasm32", "wasi-wasm32", "freebsd-64",
            "linux-32", "linux-64", "linux-aarch64", "linux-armv6l", "linux-armv7l", "linux-ppc64", "linux-ppc64le",
            "linux-riscv64", "linux-s390x", "osx-64", "osx-arm64", "win-32", "win-64", "win-arm64", "zos-z");

    /** conda's {@code non_x86_machines}: machine names used as the arch part verbatim. */
    private static final Set<String> NON_X86_MACHINES =
            Set.of("armv6l", "armv7l", "aarch64", "arm64", "ppc64", "ppc64le", "riscv64", "s390x");

    boolean isKnown(String subdir) {
        return KNOWN.contains(subdir);
    }

    /**
     * The record's subdir: its {@code subdir} field, else the platform directory of its URL,
     * as conda's {@code SubdirField} falls back; {@code null} when neither says.
     */
    String of(CondaMetaRecord record) {
        if (record.subdir() != null && !record.subdir().isBlank()) {
            return record.subdir();
        }
        if (record.url() != null) {
            String[] segments = record.url().split("/");
            for (int i = segments.length - 1; i >= 0; i--) {
                if (isKnown(segments[i])) {
                    return segments[i];
                }
            }
        }
        return null;
    }

    /**
     * The header's {@code # platform:}. conda prints its own {@code context.subdir}: the platform
     * it runs on, or the {@code subdir} setting (which a prefix's {@code .condarc} sets for, say,
     * osx-64 environments on Apple silicon). Packages are installed only from that subdir and
     * {@code noarch}, so the records' platform subdir is the same value, and it stays right for a
     * prefix copied from another machine. The most frequent one wins (ties: the first in string
     * order); a prefix with only noarch records falls back to the machine we run on, as conda would.
     */
    String headerPlatform(Collection<CondaMetaRecord> records) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CondaMetaRecord record : records) {
            String subdir = of(record);
            if (subdir != null && !subdir.equals(NOARCH) && !subdir.isBlank()) {
                counts.merge(subdir, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElseGet(CondaSubdirs::machine);
    }

    /** conda's {@code context._native_subdir()} for the JVM's machine. */
    static String machine() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "osx"
                : os.startsWith("windows") ? "win"
                : os.startsWith("freebsd") ? "freebsd"
                : "unknown";
        // The JVM says amd64 and x86 where Python's platform.machine() says x86_64 and i686;
        // the non-x86 names agree (aarch64 on Linux, and macOS's arm64 is reported as aarch64).
        if (platform.equals("osx") && arch.equals("aarch64")) {
            return "osx-arm64";
        }
        if (NON_X86_MACHINES.contains(arch)) {
            return platform + "-" + arch;
        }
        boolean is64 = arch.contains("64") || "64".equals(System.getProperty("sun.arch.data.model"));
        return platform + "-" + (is64 ? "64" : "32");
    }
}
