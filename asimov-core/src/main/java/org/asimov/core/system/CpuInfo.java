package org.asimov.core.system;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The processor, as far as numerical libraries care.
 *
 * @param model       the model name, {@code null} when the kernel does not say
 * @param logicalCpus how many logical processors the kernel lists
 * @param flags       the instruction-set extensions that BLAS, FFT and friends dispatch on
 *                    (avx2, avx512f, fma, asimd, sve …), in the kernel's order
 */
public record CpuInfo(String model, int logicalCpus, List<String> flags) {
    public static final CpuInfo UNKNOWN = new CpuInfo(null, 0, List.of());

    public CpuInfo {
        flags = List.copyOf(requireNonNull(flags, "flags is null"));
        if (logicalCpus < 0) {
            throw new IllegalArgumentException("logicalCpus is negative: " + logicalCpus);
        }
    }
}
