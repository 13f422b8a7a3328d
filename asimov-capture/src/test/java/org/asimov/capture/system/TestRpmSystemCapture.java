package org.asimov.capture.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.asimov.capture.conda.CondaMetaReader;
import org.asimov.capture.owners.DpkgDatabase;
import org.asimov.capture.owners.MergedUsr;
import org.asimov.capture.owners.RpmDatabase;
import org.asimov.capture.owners.TestingRpmDatabase;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.system.LibraryOwner;
import org.asimov.core.system.SharedLibrary;
import org.asimov.core.system.SystemPackagesText;
import org.asimov.core.system.SystemReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole system capture of Debian's python3 where the OS package database is rpm's: a real
 * rpm database, made by rpm, whose packages claim this machine's libz and python3.11 as Fedora
 * would list them ({@code /usr/lib/…}, while the loader opens {@code /lib/…}); dpkg's database
 * is left out.
 */
class TestRpmSystemCapture {
    @TempDir
    static Path work;
    static SystemReport report;
    static Path libz;
    static Path python;

    @BeforeAll
    static void capture() throws IOException {
        libz = Path.of("/lib/x86_64-linux-gnu/libz.so.1").toRealPath();    // /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
        python = Path.of("/usr/bin/python3").toRealPath();                 // /usr/bin/python3.11
        Path dbpath = work.resolve("rpm");
        TestingRpmDatabase.create(work, dbpath, List.of(
                new TestingRpmDatabase.Spec("zlib", "1", "1.2.13", "3.fc39", false, List.of(libz.toString())),
                new TestingRpmDatabase.Spec("python3", null, "3.11.2", "1.fc39", false, List.of(python.toString()))));
        MergedUsr mergedUsr = new MergedUsr(Path.of("/"));
        SharedLibraryProbe probe = new SharedLibraryProbe(
                new DpkgDatabase(Files.createDirectories(work.resolve("no-dpkg")), mergedUsr),
                new RpmDatabase(List.of(work.resolve("no-var-lib-rpm"), dbpath), mergedUsr), new CondaMetaReader());
        InterpreterInfo interpreter = new InterpreterProbe().probe(Path.of("/usr/bin/python3")).info();
        report = new HostSystemCapture(HostFiles.host(), probe, new NvidiaSmiProbe(NvidiaSmiProbe.DEFAULT_TIMEOUT))
                .capture(interpreter, new SystemCaptureOptions(false, false, Map.of("PATH", "/usr/bin:/bin")));
    }

    SharedLibrary library(String path) {
        return report.libraries().libraries().stream().filter(l -> l.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void rpmOwnsTheLibrariesItLists() {
        assertThat(library("/lib/x86_64-linux-gnu/libz.so.1").owner()).isEqualTo(new LibraryOwner("rpm", "zlib", "1:1.2.13-3.fc39"));
        assertThat(report.libraries().interpreter().owner()).isEqualTo(new LibraryOwner("rpm", "python3", "3.11.2-1.fc39"));
        assertThat(library("/lib/x86_64-linux-gnu/libc.so.6").owner()).isNull(); // no package lists it here
        assertThat(report.warnings()).noneMatch(w -> w.contains("rpm"));
    }

    @Test
    void systemTextListsTheRpmPackagesOfTheLibraries() {
        List<String> packages = SystemPackagesText.render(report).lines().filter(l -> !l.startsWith("#")).toList();
        // the epoch stays in the version, E:V-R, as PackageUrls.rpm expects it
        assertThat(packages).containsExactly("rpm:zlib=1:1.2.13-3.fc39");
    }
}
