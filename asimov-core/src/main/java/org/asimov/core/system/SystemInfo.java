package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The machine a capture ran on.
 *
 * @param os           {@code /etc/os-release}
 * @param kernel       the kernel release ({@code uname -r})
 * @param architecture the machine ({@code uname -m}), e.g. {@code x86_64}
 * @param libc         the C library the interpreter loads
 * @param cpu          processor model and instruction-set flags
 * @param memoryBytes  total memory; 0 when unknown
 * @param gpus         GPUs with their driver; empty when there are none or no driver tool
 * @param hostname     {@code null} unless the user asked for it ({@code --include-host})
 */
public record SystemInfo(
        OsRelease os,
        String kernel,
        String architecture,
        CLibrary libc,
        CpuInfo cpu,
        long memoryBytes,
        List<Gpu> gpus,
        String hostname) {
    public SystemInfo {
        requireNonNull(os, "os is null");
        requireNonNull(kernel, "kernel is null");
        requireNonNull(architecture, "architecture is null");
        requireNonNull(libc, "libc is null");
        requireNonNull(cpu, "cpu is null");
        gpus = List.copyOf(requireNonNull(gpus, "gpus is null"));
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes is negative: " + memoryBytes);
        }
    }
}
