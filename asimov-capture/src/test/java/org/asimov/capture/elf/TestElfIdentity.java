package org.asimov.capture.elf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestElfIdentity {
    @Test
    void equalOnlyWhenWordSizeByteOrderAndMachineAllAgree() {
        ElfIdentity x86 = new ElfIdentity(64, true, ElfIdentity.EM_X86_64);
        assertThat(x86).isEqualTo(new ElfIdentity(64, true, ElfIdentity.EM_X86_64))
                .hasSameHashCodeAs(new ElfIdentity(64, true, ElfIdentity.EM_X86_64));
        assertThat(x86).isNotEqualTo(new ElfIdentity(32, true, ElfIdentity.EM_X86_64))
                .isNotEqualTo(new ElfIdentity(64, false, ElfIdentity.EM_X86_64))
                .isNotEqualTo(new ElfIdentity(64, true, ElfIdentity.EM_AARCH64))
                .isNotEqualTo(null)
                .isNotEqualTo("x86_64");
    }
}
