package org.asimov.cli.env.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.asimov.core.environment.PackageRecord;
import org.asimov.core.system.OsRelease;
import org.junit.jupiter.api.Test;

class PackageUrlsTest {
    private static final OsRelease DEBIAN = new OsRelease("debian", "Debian GNU/Linux", "12", "Debian GNU/Linux 12 (bookworm)");
    private static final OsRelease UBUNTU = new OsRelease("ubuntu", "Ubuntu", "24.04", "Ubuntu 24.04 LTS");
    private static final OsRelease FEDORA = new OsRelease("fedora", "Fedora Linux", "40", "Fedora Linux 40");

    @Test
    void pipPackagesArePypiWithTheNameNormalised() {
        assertThat(PackageUrls.pypi("LALSuite", "7.11").toString()).isEqualTo("pkg:pypi/lalsuite@7.11");
        assertThat(PackageUrls.pypi("Demo_Pkg", "2.5").toString()).isEqualTo("pkg:pypi/demo-pkg@2.5");
        assertThat(PackageUrls.pypi("zope.interface", "6.0").toString()).isEqualTo("pkg:pypi/zope.interface@6.0");
        // pip freeze names no version for a direct-URL install
        assertThat(PackageUrls.pypi("Demo-Pkg", "").toString()).isEqualTo("pkg:pypi/demo-pkg");
        assertThat(PackageUrls.pypi("weird", "1.0+local.7").toString()).isEqualTo("pkg:pypi/weird@1.0%2Blocal.7");
    }

    @Test
    void condaPackagesCarryBuildChannelAndSubdirWhenRecorded() {
        assertThat(PackageUrls.conda(PackageRecord.conda("numpy", "1.26.4", "py311h64a7726_0", "conda-forge"), "linux-64")
                .toString()).isEqualTo("pkg:conda/numpy@1.26.4?build=py311h64a7726_0&channel=conda-forge&subdir=linux-64");
        assertThat(PackageUrls.conda(PackageRecord.conda("pip", "24.0", "pyhd8ed1ab_0", "conda-forge"), "noarch")
                .toString()).isEqualTo("pkg:conda/pip@24.0?build=pyhd8ed1ab_0&channel=conda-forge&subdir=noarch");
        // an older record: neither is invented
        assertThat(PackageUrls.conda(PackageRecord.conda("numpy", "1.26.4", "py311h64a7726_0", null), null).toString())
                .isEqualTo("pkg:conda/numpy@1.26.4?build=py311h64a7726_0");
        // a channel on another server is named by its URL, percent-encoded
        assertThat(PackageUrls.conda(PackageRecord.conda("lalsuite", "7.21", "py311_0", "https://conda.example.org/igwn"),
                "linux-64").toString()).isEqualTo(
                "pkg:conda/lalsuite@7.21?build=py311_0&channel=https%3A%2F%2Fconda.example.org%2Figwn&subdir=linux-64");
    }

    @Test
    void debPackagesHaveTheVendorAsNamespaceAndDpkgsArchitecture() {
        PackageRecord libc = new PackageRecord("dpkg", "libc6", "2.36-9+deb12u14", null, null, null, false);
        assertThat(PackageUrls.deb(libc, DEBIAN, "x86_64").toString())
                .isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12");
        PackageRecord zlib = new PackageRecord("dpkg", "zlib1g", "1:1.2.13.dfsg-1", null, null, null, false);
        assertThat(PackageUrls.deb(zlib, UBUNTU, "aarch64").toString())
                .isEqualTo("pkg:deb/ubuntu/zlib1g@1%3A1.2.13.dfsg-1?arch=arm64&distro=ubuntu-24.04");
        assertThat(PackageUrls.deb(zlib, OsRelease.UNKNOWN, null).toString()).isEqualTo("pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1");
    }

    @Test
    void rpmPackagesMoveTheEpochToAQualifier() {
        PackageRecord openssl = new PackageRecord("rpm", "openssl-libs", "1:3.2.2-3.fc40", null, null, null, false);
        assertThat(PackageUrls.rpm(openssl, FEDORA, "x86_64").toString())
                .isEqualTo("pkg:rpm/fedora/openssl-libs@3.2.2-3.fc40?arch=x86_64&distro=fedora-40&epoch=1");
        PackageRecord glibc = new PackageRecord("rpm", "glibc", "2.39-15.fc40", null, null, null, false);
        assertThat(PackageUrls.rpm(glibc, FEDORA, null).toString()).isEqualTo("pkg:rpm/fedora/glibc@2.39-15.fc40?distro=fedora-40");
    }

    @Test
    void theInterpreterIsAGenericPackageOfItsImplementation() {
        assertThat(PackageUrls.interpreter("cpython", "3.11.7").toString()).isEqualTo("pkg:generic/cpython@3.11.7");
        assertThat(PackageUrls.interpreter(null, "3.10.12").toString()).isEqualTo("pkg:generic/python@3.10.12");
    }
}
