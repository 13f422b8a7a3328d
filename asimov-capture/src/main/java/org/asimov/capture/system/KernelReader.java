package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/** {@code uname -r}, {@code uname -m} and the host name, from {@code /proc/sys/kernel}. */
public final class KernelReader {
    private final HostFiles files;

    public KernelReader(HostFiles files) {
        this.files = requireNonNull(files, "files is null");
    }

    public String release() {
        return files.readLine("/proc/sys/kernel/osrelease").orElse("unknown");
    }

    /**
     * The machine as {@code uname -m} prints it. {@code /proc/sys/kernel/arch} has it since Linux
     * 6.1; before that, the JVM's {@code os.arch} translated to the kernel's spelling.
     */
    public String architecture() {
        return files.readLine("/proc/sys/kernel/arch").orElseGet(() -> unameSpelling(System.getProperty("os.arch", "unknown")));
    }

    static String unameSpelling(String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "i686";
            case "ppc64le" -> "ppc64le";
            default -> javaArch;
        };
    }

    /** The host name; read only when the user asks for it. */
    public Optional<String> hostname() {
        return files.readLine("/proc/sys/kernel/hostname").or(() -> files.readLine("/etc/hostname"));
    }
}
