package org.asimov.core.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SystemPackagesParserTest {
    @Test
    void readsManagerNameAndVersion() {
        assertThat(SystemPackagesParser.parse("""
                # Debian GNU/Linux 12 (bookworm)
                # OS packages that own the shared libraries this environment's compiled extensions load
                dpkg:libc6=2.36-9+deb12u4
                dpkg:libgfortran5=12.2.0-14
                rpm:openssl-libs=1:3.0.7-27.el9
                """)).containsExactly(
                new PackageRecord("dpkg", "libc6", "2.36-9+deb12u4", null, null, null, false),
                new PackageRecord("dpkg", "libgfortran5", "12.2.0-14", null, null, null, false),
                new PackageRecord("rpm", "openssl-libs", "1:3.0.7-27.el9", null, null, null, false));
    }

    @Test
    void aMalformedLineNamesItsNumber() {
        assertThatThrownBy(() -> SystemPackagesParser.parse("# os\nlibc6 2.36\n"))
                .hasMessageContaining("environment-system.txt line 2").hasMessageContaining("manager:name=version");
    }
}
