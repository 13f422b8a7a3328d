package org.asimov.capture.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asimov.capture.conda.CondaMetaReader;
import org.asimov.core.system.LibraryOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owner lookup on a merged-/usr tree laid out as Debian 12 lays it out ({@code lib -> usr/lib},
 * dpkg recording some files under /lib and some under /usr/lib), with a conda prefix and a
 * site-packages directory in it.
 */
class TestLibraryOwners {
    @TempDir
    Path root;

    Path multiarch;

    Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @BeforeEach
    void mergedUsrTree() throws IOException {
        multiarch = Files.createDirectories(root.resolve("usr/lib/x86_64-linux-gnu"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.writeString(multiarch.resolve("libz.so.1.2.13"), "z");
        Files.createSymbolicLink(multiarch.resolve("libz.so.1"), Path.of("libz.so.1.2.13"));
        Files.writeString(multiarch.resolve("libstdc++.so.6.0.30"), "stdc++");
        Files.createSymbolicLink(multiarch.resolve("libstdc++.so.6"), Path.of("libstdc++.so.6.0.30"));
        Files.writeString(multiarch.resolve("libunowned.so.1"), "?");
        write("var/lib/dpkg/info/zlib1g:amd64.list", "/.\n/lib\n/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu/libz.so.1.2.13\n"
                + "/usr/share/doc/zlib1g/copyright\n/lib/x86_64-linux-gnu/libz.so.1\n");
        write("var/lib/dpkg/info/libstdc++6:amd64.list", "/.\n/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30\n"
                + "/usr/lib/x86_64-linux-gnu/libstdc++.so.6\n");
        write("var/lib/dpkg/info/oldlib1.list", "/usr/lib/x86_64-linux-gnu/libunowned.so.1\n");
        write("var/lib/dpkg/status", """
                Package: zlib1g
                Status: install ok installed
                Priority: required
                Architecture: amd64
                Multi-Arch: same
                Version: 1:1.2.13.dfsg-1
                Description: compression library - runtime
                 zlib is a library implementing the deflate compression method found
                 in gzip and PKZIP.

                Package: libstdc++6
                Status: install ok installed
                Architecture: amd64
                Multi-Arch: same
                Source: gcc-12
                Version: 12.2.0-14+deb12u1

                Package: oldlib1
                Status: deinstall ok config-files
                Architecture: amd64
                Version: 0.9-1
                """);
    }

    PackageIndex dpkg() {
        return new DpkgDatabase(root.resolve("var/lib/dpkg"), new MergedUsr(root)).index();
    }

    @Test
    void spellingsOnAMergedUsrTree() {
        MergedUsr merged = new MergedUsr(root);
        assertThat(merged.mergedDirectories()).containsExactlyInAnyOrder("lib", "bin");
        assertThat(merged.spellings(root.resolve("lib/x86_64-linux-gnu/libz.so.1"))).containsExactly(
                "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1",
                "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13", "/lib/x86_64-linux-gnu/libz.so.1.2.13");
    }

    @Test
    void dpkgOwnsFilesWhicheverWayEitherSideSpellsThem() {
        Path loaderZ = root.resolve("lib/x86_64-linux-gnu/libz.so.1");          // as ld.so.cache says
        Path loaderStdcxx = root.resolve("lib/x86_64-linux-gnu/libstdc++.so.6"); // dpkg: /usr/lib/…
        Path usrZ = root.resolve("usr/lib/x86_64-linux-gnu/libz.so.1");         // dpkg: /lib/…
        Map<Path, LibraryOwner> owners = dpkg().owners(Set.of(loaderZ, loaderStdcxx, usrZ,
                root.resolve("lib/x86_64-linux-gnu/libunowned.so.1")));
        LibraryOwner zlib = new LibraryOwner("dpkg", "zlib1g", "1:1.2.13.dfsg-1");
        assertThat(owners).containsEntry(loaderZ, zlib).containsEntry(usrZ, zlib)
                .containsEntry(loaderStdcxx, new LibraryOwner("dpkg", "libstdc++6", "12.2.0-14+deb12u1"))
                // removed, only its configuration left: not an owner
                .hasSize(3);
    }

    @Test
    void theMostSpecificDatabaseWins() throws IOException {
        Path prefix = root.resolve("opt/conda/envs/pe");
        write("opt/conda/envs/pe/conda-meta/history", "==> 2024-01-01 00:00:00 <==\n");
        write("opt/conda/envs/pe/conda-meta/libopenblas-0.3.21-pthreads_h78a6416_3.json", """
                {"name": "libopenblas", "version": "0.3.21", "build": "pthreads_h78a6416_3", "build_number": 3,
                 "channel": "https://conda.anaconda.org/conda-forge/linux-64", "subdir": "linux-64",
                 "depends": ["libgcc-ng >=12", "libgfortran-ng", "libgfortran5 >=10.4.0"],
                 "files": ["lib/libopenblas.so.0", "lib/libopenblasp-r0.3.21.so"]}
                """);
        Path openblas = write("opt/conda/envs/pe/lib/libopenblasp-r0.3.21.so", "blas");
        Files.createSymbolicLink(prefix.resolve("lib/libopenblas.so.0"), Path.of("libopenblasp-r0.3.21.so"));
        Path site = root.resolve("opt/conda/envs/pe/lib/python3.11/site-packages");
        write("opt/conda/envs/pe/lib/python3.11/site-packages/numpy-1.26.4.dist-info/METADATA",
                "Metadata-Version: 2.1\nName: numpy\nVersion: 1.26.4\n");
        write("opt/conda/envs/pe/lib/python3.11/site-packages/numpy-1.26.4.dist-info/RECORD",
                "numpy/__init__.py,sha256=abc,100\n"
                        + "numpy.libs/libgfortran-040039e1.so.5.0.0,sha256=def,2686065\n"
                        + "\"numpy/odd,name.so\",sha256=ghi,10\n"
                        + "numpy-1.26.4.dist-info/RECORD,,\n");
        Path gfortran = write("opt/conda/envs/pe/lib/python3.11/site-packages/numpy.libs/libgfortran-040039e1.so.5.0.0", "gf");
        Path odd = write("opt/conda/envs/pe/lib/python3.11/site-packages/numpy/odd,name.so", "odd");

        LibraryOwners owners = new LibraryOwners(List.of(
                new PythonDistributionOwners(List.of(site.toString())),
                new CondaPackageOwners(prefix, new CondaMetaReader()),
                dpkg()));
        Path libz = root.resolve("lib/x86_64-linux-gnu/libz.so.1");
        Map<Path, LibraryOwner> found = owners.owners(Set.of(gfortran, odd, prefix.resolve("lib/libopenblas.so.0"), openblas, libz));
        LibraryOwner numpy = new LibraryOwner("pip", "numpy", "1.26.4");
        assertThat(found)
                .containsEntry(gfortran, numpy)
                .containsEntry(odd, numpy)
                .containsEntry(prefix.resolve("lib/libopenblas.so.0"), new LibraryOwner("conda", "libopenblas", "0.3.21=pthreads_h78a6416_3"))
                .containsEntry(openblas, new LibraryOwner("conda", "libopenblas", "0.3.21=pthreads_h78a6416_3"))
                .containsEntry(libz, new LibraryOwner("dpkg", "zlib1g", "1:1.2.13.dfsg-1"));
    }

    @Test
    void rpmDatabaseIsDetectedNotGuessed() throws IOException {
        RpmDatabase rpm = new RpmDatabase(List.of(root.resolve("var/lib/rpm")), new MergedUsr(root));
        assertThat(rpm.index().warnings()).isEmpty();
        Files.createDirectories(root.resolve("var/lib/rpm"));
        Files.writeString(root.resolve("var/lib/rpm/rpmdb.sqlite"), "SQLite format 3\0");
        assertThat(rpm.index().warnings()).singleElement().asString().contains("rpm database", "without an owner");
    }
}
