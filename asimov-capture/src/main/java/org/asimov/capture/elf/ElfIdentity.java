package org.asimov.capture.elf;

/**
 * What makes two ELF objects loadable into one process: word size, byte order and machine.
 * The dynamic loader skips a candidate library that differs in any of them (a 32-bit
 * {@code libz.so.1} in a directory searched by a 64-bit process), and so do we.
 *
 * @param bits         32 or 64
 * @param littleEndian byte order
 * @param machine      {@code e_machine} (62 x86-64, 183 AArch64, 3 i386 …)
 */
public record ElfIdentity(int bits, boolean littleEndian, int machine) {
    public static final int EM_386 = 3;
    public static final int EM_PPC64 = 21;
    public static final int EM_ARM = 40;
    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;
    public static final int EM_RISCV = 243;

    public ElfIdentity {
        if (bits != 32 && bits != 64) {
            throw new IllegalArgumentException("bits must be 32 or 64: " + bits);
        }
    }

    // equals and hashCode written out: a record's own are bootstrapped through method handles
    // on their first call, milliseconds of a cold process, and these run for every candidate
    // library the loader weighs
    @Override
    public boolean equals(Object other) {
        return other instanceof ElfIdentity that
                && bits == that.bits && littleEndian == that.littleEndian && machine == that.machine;
    }

    @Override
    public int hashCode() {
        return (bits * 31 + (littleEndian ? 1 : 0)) * 31 + machine;
    }

    /** The Debian multiarch triplet of this machine, for the loader's default directories; {@code null} when unknown. */
    public String multiarchTriplet() {
        return switch (machine) {
            case EM_X86_64 -> bits == 64 ? "x86_64-linux-gnu" : "x86_64-linux-gnux32";
            case EM_AARCH64 -> "aarch64-linux-gnu";
            case EM_386 -> "i386-linux-gnu";
            case EM_PPC64 -> littleEndian ? "powerpc64le-linux-gnu" : "powerpc64-linux-gnu";
            case EM_ARM -> "arm-linux-gnueabihf";
            case EM_RISCV -> "riscv64-linux-gnu";
            default -> null;
        };
    }
}
