package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.asimov.core.system.CpuInfo;

/**
 * {@code /proc/cpuinfo}: the model of the first processor, the number of processors, and the
 * instruction-set flags numerical code dispatches on. x86 lists them as {@code flags}, Arm as
 * {@code Features}; the model is {@code model name} on x86 and on newer Arm kernels, and absent
 * on others (then {@code null}). Flags outside the dispatch set (power management, virtualisation,
 * bug markers) are left out: they change between identical machines and say nothing about
 * numbers.
 */
public final class CpuInfoReader {
    /** x86: SSE to AVX-512 and AMX, FMA, F16C, BMI; Arm: NEON/ASIMD, SVE, SME and dot products. */
    static final Set<String> DISPATCH_FLAGS = Set.of(
            "sse", "sse2", "pni", "ssse3", "sse4_1", "sse4_2", "sse4a", "popcnt", "avx", "avx2", "fma", "fma4", "f16c",
            "bmi1", "bmi2", "adx", "aes", "pclmulqdq", "sha_ni", "vaes", "vpclmulqdq", "gfni", "avx_vnni",
            "avx_vnni_int8", "avx_ifma", "avx_ne_convert", "amx_bf16", "amx_int8", "amx_tile", "amx_fp16",
            "fp", "neon", "asimd", "asimdhp", "asimddp", "asimdfhm", "asimdrdm", "fphp", "sve", "sve2", "svebf16",
            "svei8mm", "sme", "sme2", "i8mm", "bf16", "dotprod", "vfp", "vfpv3", "vfpv4", "vsx", "altivec", "vxe");

    private final HostFiles files;

    public CpuInfoReader(HostFiles files) {
        this.files = requireNonNull(files, "files is null");
    }

    public CpuInfo read() {
        String text = files.read("/proc/cpuinfo").orElse(null);
        if (text == null) {
            return CpuInfo.UNKNOWN;
        }
        String model = null;
        String flagLine = null;
        int processors = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> processors++;
                case "model name", "cpu model" -> model = model == null ? value : model;
                case "flags", "Features" -> flagLine = flagLine == null ? value : flagLine;
                default -> {
                }
            }
        }
        List<String> flags = new ArrayList<>();
        if (flagLine != null) {
            for (String flag : flagLine.split("\\s+")) {
                if (DISPATCH_FLAGS.contains(flag) || flag.startsWith("avx512")) {
                    flags.add(flag);
                }
            }
        }
        return new CpuInfo(model, processors, flags);
    }
}
