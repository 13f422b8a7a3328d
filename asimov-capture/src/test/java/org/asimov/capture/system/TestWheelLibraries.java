package org.asimov.capture.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asimov.capture.TestingPython;
import org.asimov.capture.elf.ElfFile;
import org.asimov.capture.elf.ElfFiles;
import org.asimov.capture.elf.HostLoader;
import org.asimov.capture.elf.LinkedProcess;
import org.asimov.capture.elf.TestingLdd;
import org.asimov.capture.pip.MetadataHeaders;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.system.LibraryOwner;
import org.asimov.core.system.LoadedObject;
import org.asimov.core.system.SharedLibrary;
import org.asimov.core.system.SystemPackagesText;
import org.asimov.core.system.SystemReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A venv with the numpy and scipy wheels (manylinux, with auditwheel's bundled libraries in
 * {@code numpy.libs/} and {@code scipy.libs/}, found through {@code $ORIGIN} RPATHs).
 */
class TestWheelLibraries {
    @TempDir
    static Path tmp;

    static Path venv;
    static InterpreterInfo interpreter;
    static SystemReport report;

    @BeforeAll
    static void install() {
        venv = tmp.resolve("venv");
        Path python = TestingPython.venv(TestingPython.pyenv("3.11"), venv);
        TestingPython.run(tmp, Map.of(), List.of(python.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                "--index-url", "file:///opt/pypi/simple", "numpy", "scipy"));
        interpreter = new InterpreterProbe().probe(python).info();
        report = new HostSystemCapture().capture(interpreter, new SystemCaptureOptions(false, false, Map.of()));
    }

    static Path sitePackages() {
        return Path.of(interpreter.sysPath().stream().filter(p -> p.endsWith("site-packages")).findFirst().orElseThrow());
    }

    static String version(String distribution) throws Exception {
        try (var entries = Files.list(sitePackages())) {
            Path info = entries.filter(p -> p.getFileName().toString().startsWith(distribution + "-")
                    && p.getFileName().toString().endsWith(".dist-info")).findFirst().orElseThrow();
            return MetadataHeaders.read(info.resolve("METADATA")).version();
        }
    }

    @Test
    void bundledLibrariesBelongToTheirDistributions() throws Exception {
        LibraryOwner numpy = new LibraryOwner("pip", "numpy", version("numpy"));
        LibraryOwner scipy = new LibraryOwner("pip", "scipy", version("scipy"));
        List<SharedLibrary> bundledByNumpy = report.libraries().libraries().stream()
                .filter(l -> l.path().contains("/numpy.libs/")).toList();
        List<SharedLibrary> bundledByScipy = report.libraries().libraries().stream()
                .filter(l -> l.path().contains("/scipy.libs/")).toList();
        assertThat(bundledByNumpy).isNotEmpty().anyMatch(l -> l.path().contains("openblas"))
                .allSatisfy(l -> assertThat(l.owner()).isEqualTo(numpy));
        assertThat(bundledByScipy).isNotEmpty().allSatisfy(l -> assertThat(l.owner()).isEqualTo(scipy));
        assertThat(report.libraries().extensions())
                .filteredOn(e -> e.path().contains("/site-packages/numpy/"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.owner()).isEqualTo(numpy));
        assertThat(report.libraries().extensions())
                .filteredOn(e -> e.path().contains("/site-packages/scipy/"))
                .hasSizeGreaterThan(50).allSatisfy(e -> assertThat(e.owner()).isEqualTo(scipy));
        assertThat(report.libraries().extensions()).allSatisfy(e -> assertThat(e.missing()).as(e.path()).isEmpty());
    }

    @Test
    void systemTextListsOnlyOsPackages() {
        String text = SystemPackagesText.render(report);
        assertThat(text).startsWith("# Debian GNU/Linux 12 (bookworm)\n").contains("\ndpkg:libc6=")
                .doesNotContain("numpy", "scipy", "pip:");
    }

    @Test
    void everyWheelExtensionResolvesAsLddResolvesIt() {
        LinkedProcess process = HostLoader.start(Path.of(interpreter.executable()), Map.of(), new ElfFiles()).orElseThrow();
        List<LoadedObject> extensions = report.libraries().extensions().stream()
                .filter(e -> e.path().contains("/site-packages/")).toList();
        assertThat(extensions).hasSizeGreaterThan(60);
        for (LoadedObject extension : extensions) {
            Path path = Path.of(extension.path());
            Map<String, Path> ours = new LinkedHashMap<>();
            process.load(ElfFile.read(path).orElseThrow()).all().forEach((name, found) -> ours.put(name, found == null ? null : found.normalize()));
            assertThat(ours).as("libraries of %s", path).containsExactlyInAnyOrderEntriesOf(TestingLdd.resolve(path, Map.of()));
        }
    }
}
