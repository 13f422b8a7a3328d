package org.asimov.capture.conda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.asimov.core.environment.PackageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports prefixes built to conda's record format and compares with what conda 24.9+ prints.
 * No conda can be installed on the build machines (no conda on PyPI mirror, none on the host),
 * so each expected line is derived from conda's source; the reason is written beside it.
 */
class CondaMetaExporterTest {
    private static final String HEADER = """
            # This file may be used to create an environment using:
            # $ conda create --name <env> --file <this file>
            # platform: linux-64
            # created-by: asimov-test
            """;

    @TempDir
    Path tmp;

    private final CondaMetaExporter exporter = exporter();

    static CondaMetaExporter exporter() {
        CondaSubdirs subdirs = new CondaSubdirs();
        SitePackagesLoader loader = new SitePackagesLoader(new SitePackagesLayout(), subdirs, new PythonDependents(),
                new CondaOwnedAnchors(), new SitePackagesAnchors(),
                new SitePackagesDistributionReader(new PypiNameNormaliser()));
        return new CondaMetaExporter(new CondaMetaReader(), loader, new CondaChannelName(subdirs), subdirs,
                new CondaEnvNameRule(), new CondaExportText("asimov-test"));
    }

    /**
     * A realistic analysis environment: conda-forge, defaults and a custom channel, a record
     * with no channel, noarch python and generic records, conda-owned dist-info and egg-info,
     * and pip-installed dist-infos, an egg-info directory, an egg-info file, a PEP 660
     * editable and a legacy egg-link.
     */
    private TestingCondaPrefix analysisEnvironment() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("miniforge/envs/analysis"), "3.11").history();
        String sp = prefix.sp();
        prefix.record("_libgcc_mutex", "0.1", "conda_forge").write();
        prefix.record("libgcc-ng", "13.2.0", "h77fa898_7").depends("_libgcc_mutex 0.1 conda_forge")
                .files("lib/libgcc_s.so.1").write();
        prefix.record("ca-certificates", "2024.2.2", "hbcca054_0").files("ssl/cacert.pem").write();
        prefix.record("tzdata", "2024a", "h0c530f3_0").noarch("generic").files("share/zoneinfo/UTC").write();
        prefix.record("python", "3.11.9", "hb806964_0_cpython")
                .depends("libgcc-ng >=12", "tzdata", "ca-certificates")
                .files("bin/python3.11", "lib/python3.11/os.py", "lib/libpython3.11.so.1.0").write();
        prefix.record("python_abi", "3.11", "4_cp311").write();
        // conda-owned distributions: their anchor is in the record's files
        prefix.record("numpy", "1.26.4", "py311h64a7726_0")
                .depends("libgcc-ng >=12", "python >=3.11,<3.12.0a0", "python_abi 3.11.* *_cp311")
                .files(prefix.distInfo("numpy-1.26.4.dist-info", "numpy", "1.26.4")).write();
        prefix.record("pip", "24.0", "pyhd8ed1ab_0").noarch("python").depends("python >=3.7", "setuptools", "wheel")
                .files(prefix.distInfo("pip-24.0.dist-info", "pip", "24.0")).write();
        prefix.record("pyyaml", "6.0.1", "py311h5eee18b_0").channel(TestingCondaPrefix.PKGS_MAIN)
                .depends("python >=3.11,<3.12.0a0", "yaml >=0.2.5,<0.3.0a0")
                .files(prefix.eggInfoDir("PyYAML-6.0.1-py3.11.egg-info", "PyYAML", "6.0.1")).write();
        prefix.record("lalsuite", "7.21", "py311h1234567_0").channel("https://conda.example.org/igwn")
                .depends("python >=3.11,<3.12.0a0", "numpy >=1.23")
                .files(prefix.distInfo("lalsuite-7.21.dist-info", "lalsuite", "7.21")).write();
        prefix.record("localtool", "0.1", "0").channel(null).files("bin/localtool").write();
        // conda installed requests 2.31.0, then pip upgraded it: conda's anchor is gone
        prefix.record("requests", "2.31.0", "pyhd8ed1ab_0").noarch("python").depends("python >=3.7")
                .files(sp + "/requests-2.31.0.dist-info/RECORD", sp + "/requests-2.31.0.dist-info/METADATA").write();
        deleteTree(prefix.sitePackagesDir().resolve("requests-2.31.0.dist-info"));
        prefix.distInfo("requests-2.32.3.dist-info", "requests", "2.32.3");
        // pip-installed, owned by no record
        prefix.distInfo("Foo_Bar.baz-2.0.dist-info", "Foo_Bar.baz", "2.0");
        prefix.distInfo("python_dateutil-2.9.0.post0.dist-info", "python-dateutil", "2.9.0.post0");
        prefix.distInfo("mylib-0.2.dev0.dist-info", "mylib", "0.2.dev0");
        prefix.write(sp + "/mylib-0.2.dev0.dist-info/direct_url.json",
                "{\"dir_info\": {\"editable\": true}, \"url\": \"file:///home/user/src/mylib\"}");
        prefix.write(sp + "/__editable__.mylib-0.2.dev0.pth", "/home/user/src/mylib/src\n");
        prefix.eggInfoDir("legacy_pkg-0.3-py3.11.egg-info", "legacy_pkg", "0.3");
        prefix.eggInfoFile("OldStyle-1.0-py3.11.egg-info", "OldStyle", "1.0");
        prefix.eggLink("DevProject.egg-link", tmp.resolve("src/devproject"), "DevProject", "0.0.1");
        prefix.write(sp + "/easy-install.pth", tmp.resolve("src/devproject") + "\n");
        prefix.write(sp + "/README.txt", "This directory exists so that 3rd party packages can be installed here.\n");
        return prefix;
    }

    @Test
    void exportsWhatCondaListExportPrints() {
        TestingCondaPrefix prefix = analysisEnvironment();

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER
                // plain string order (list_packages sorts by x.name): '_' (0x5F) sorts after '-'
                // (0x2D) and before lower-case letters, so _libgcc_mutex is first and python-dateutil
                // precedes python_abi.
                + "_libgcc_mutex=0.1=conda_forge\n"
                + "ca-certificates=2024.2.2=hbcca054_0\n"
                // egg-link: PythonEggLinkDistribution, channel <develop>, build dev_0; name normalised
                + "devproject=0.0.1=dev_0\n"
                // pip dist-info: norm_package_name lower-cases and turns '.' and '_' into '-'
                + "foo-bar-baz=2.0=pypi_0\n"
                // custom channel, owns its dist-info: a conda record
                + "lalsuite=7.21=py311h1234567_0\n"
                // egg-info directory not owned: PKG-INFO anchor, pypi_0
                + "legacy-pkg=0.3=pypi_0\n"
                + "libgcc-ng=13.2.0=h77fa898_7\n"
                // no channel at all: still listed, the export format has no channel
                + "localtool=0.1=0\n"
                // PEP 660 editable: an ordinary dist-info to conda, so pypi_0
                + "mylib=0.2.dev0=pypi_0\n"
                + "numpy=1.26.4=py311h64a7726_0\n"
                // single-file egg-info anchor is the file itself
                + "oldstyle=1.0=pypi_0\n"
                // noarch python record owning pip-24.0.dist-info/RECORD
                + "pip=24.0=pyhd8ed1ab_0\n"
                + "python=3.11.9=hb806964_0_cpython\n"
                + "python-dateutil=2.9.0.post0=pypi_0\n"
                + "python_abi=3.11=4_cp311\n"
                // defaults record owning an egg-info directory (anchor …egg-info/PKG-INFO)
                + "pyyaml=6.0.1=py311h5eee18b_0\n"
                // the conda record's anchor requests-2.31.0.dist-info/RECORD is gone ("clobbered"):
                // conda drops that record and lists the pip-installed one found in site-packages
                + "requests=2.32.3=pypi_0\n"
                + "tzdata=2024a=h0c530f3_0\n");
        assertThat(export.pythonVersion()).isEqualTo("3.11.9");
        assertThat(export.subdir()).isEqualTo("linux-64");
        assertThat(export.envName()).isEqualTo("analysis");
        assertThat(export.warnings()).singleElement().asString()
                .contains("requests-2.31.0-pyhd8ed1ab_0.json")
                .contains("left out");
    }

    @Test
    void packageRecordsCarryChannelsAndFollowTheTextOrder() {
        TestingCondaPrefix prefix = analysisEnvironment();

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.packages()).extracting(PackageRecord::name).containsExactly("_libgcc_mutex",
                "ca-certificates", "devproject", "foo-bar-baz", "lalsuite", "legacy-pkg", "libgcc-ng", "localtool",
                "mylib", "numpy", "oldstyle", "pip", "python", "python-dateutil", "python_abi", "pyyaml", "requests",
                "tzdata");
        Map<String, PackageRecord> byName = export.packages().stream()
                .collect(Collectors.toMap(PackageRecord::name, p -> p));
        assertThat(byName.get("numpy")).isEqualTo(PackageRecord.conda("numpy", "1.26.4", "py311h64a7726_0", "conda-forge"));
        assertThat(byName.get("tzdata").channel()).isEqualTo("conda-forge");
        assertThat(byName.get("pyyaml").channel()).isEqualTo("defaults");
        assertThat(byName.get("lalsuite").channel()).isEqualTo("https://conda.example.org/igwn");
        assertThat(byName.get("localtool")).isEqualTo(PackageRecord.conda("localtool", "0.1", "0", null));
        assertThat(byName.get("requests")).isEqualTo(PackageRecord.pip("requests", "2.32.3", null, false));
        assertThat(byName.get("foo-bar-baz")).isEqualTo(PackageRecord.pip("foo-bar-baz", "2.0", null, false));
        assertThat(byName.get("devproject")).isEqualTo(PackageRecord.pip("devproject", "0.0.1",
                tmp.resolve("src/devproject").toUri().toString(), true));
    }

    @Test
    void leavesThePrefixByteForByteUnchanged() {
        // conda itself deletes the clobbered requests record from conda-meta while listing
        TestingCondaPrefix prefix = analysisEnvironment();
        Map<String, String> before = prefix.snapshot();

        exporter.export(prefix.root()).orElseThrow();
        exporter.export(prefix.root()).orElseThrow();

        assertThat(prefix.snapshot()).isEqualTo(before);
        assertThat(prefix.root().resolve("conda-meta/requests-2.31.0-pyhd8ed1ab_0.json")).isRegularFile();
    }

    @Test
    void exportsAPrefixWhoseInterpreterCannotRun() {
        TestingCondaPrefix prefix = analysisEnvironment();
        assertThat(prefix.root().resolve("bin/python")).doesNotExist();
        // the interpreter conda installed is an empty file here: it could never run
        assertThat(prefix.root().resolve("bin/python3.11")).isEmptyFile();

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).contains("\nfoo-bar-baz=2.0=pypi_0\n", "\nnumpy=1.26.4=py311h64a7726_0\n");
        assertThat(export.pythonVersion()).isEqualTo("3.11.9");
    }

    @Test
    void aDirectoryWithoutHistoryIsNotAnEnvironment(@TempDir Path dir) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(dir, "3.11");
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();

        assertThat(exporter.export(dir)).isEqualTo(Optional.empty());
        assertThat(exporter.export(dir.resolve("does-not-exist"))).isEmpty();
    }

    @Test
    void anEnvironmentWithNoRecordsPrintsTheHeaderAndOneEmptyLine() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/empty"), "3.11").history();

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        // print("\n".join([])) prints an empty line
        assertThat(export.text()).endsWith("# created-by: asimov-test\n\n");
        assertThat(export.packages()).isEmpty();
        assertThat(export.pythonVersion()).isNull();
        assertThat(export.envName()).isEqualTo("empty");
    }

    @Test
    void malformedRecordsAreLeftOutWithAWarningAndTheRestListed() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/broken"), "3.11").history();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        prefix.record("zlib", "1.3.1", "h4ab18f5_1").write();
        prefix.write("conda-meta/openssl-3.3.1-h4ab18f5_0.json", "{\"name\": \"openssl\", \"version\": ");
        prefix.writeBytes("conda-meta/bzip2-1.0.8-hd590300_5.json", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x7b});
        // file name and content disagree: conda ignores the record (_load_single_record)
        prefix.record("xz", "5.2.6", "h166bdaf_0").fileName("xz-5.4.6-h166bdaf_0.json").write();
        // not records: AppleDouble files and other conda-meta content
        prefix.write("conda-meta/._zlib-1.3.1-h4ab18f5_1.json", "\u0000\u0005\u0016\u0007");
        prefix.write("conda-meta/pinned", "numpy 1.26.*\n");

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "python=3.11.9=hb806964_0_cpython\nzlib=1.3.1=h4ab18f5_1\n");
        assertThat(export.warnings()).hasSize(3);
        assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains("openssl-3.3.1-h4ab18f5_0.json"));
        assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains("bzip2-1.0.8-hd590300_5.json"));
        assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains("xz-5.4.6-h166bdaf_0.json"));
    }

    @Test
    void onlyRecordsThatDependOnPythonOwnDistributions() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/owners"), "3.12").history();
        prefix.record("python", "3.12.4", "h194c7f8_0_cpython").write();
        prefix.record("numpy", "2.0.0", "py312h22e1c76_0").depends("python >=3.12,<3.13.0a0")
                .files(prefix.distInfo("numpy-2.0.0.dist-info", "numpy", "2.0.0")).write();
        // depends on python only through numpy: still a descendant in conda's PrefixGraph
        prefix.record("ligo-segments", "1.4.0", "py312h9a8786e_0").depends("numpy >=1.19")
                .files(prefix.distInfo("ligo_segments-1.4.0.dist-info", "ligo-segments", "1.4.0")).write();
        // does not depend on python: its files do not count, so conda lists its dist-info as a pip
        // record, which takes the conda record's place under the same name
        prefix.record("docs-tool", "1.0", "0").files(prefix.distInfo("docs_tool-1.0.dist-info", "docs_tool", "1.0"))
                .write();

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "docs-tool=1.0=pypi_0\nligo-segments=1.4.0=py312h9a8786e_0\n"
                + "numpy=2.0.0=py312h22e1c76_0\npython=3.12.4=h194c7f8_0_cpython\n");
        assertThat(export.warnings()).singleElement().asString().contains("docs_tool-1.0.dist-info");
    }

    @Test
    void distributionsCondaCannotReadAreLeftOutWithWarnings() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/odd"), "3.11").history();
        String sp = prefix.sp();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        // no RECORD: get_paths raises FileNotFoundError, read_python_record is skipped
        prefix.distInfo("norecord-1.0.dist-info", "norecord", "1.0");
        deleteFile(prefix.sitePackagesDir().resolve("norecord-1.0.dist-info/RECORD"));
        // no METADATA: a mandatory file, OSError, skipped
        prefix.distInfo("nometa-1.0.dist-info", "nometa", "1.0");
        deleteFile(prefix.sitePackagesDir().resolve("nometa-1.0.dist-info/METADATA"));
        // no Version: PrefixRecord validation fails, skipped
        prefix.write(sp + "/noversion.egg-info", "Metadata-Version: 1.0\nName: noversion\n");
        // no Name: conda lists it under the empty name
        prefix.write(sp + "/noname-2.0.egg-info", "Metadata-Version: 1.0\nVersion: 2.0\n");
        // an egg-link whose project is gone: OSError, skipped
        prefix.write(sp + "/gone.egg-link", tmp.resolve("no/such/project") + "\n.");
        // an egg-link to a project with two egg-infos: conda stops with CondaError; we skip it
        Path twice = tmp.resolve("src/twice");
        prefix.eggLink("twice.egg-link", twice, "twice", "1.0");
        prefix.eggLink("twice2.egg-link", twice, "twice-old", "0.9");
        deleteFile(prefix.sitePackagesDir().resolve("twice2.egg-link"));
        // a metadata file that is not UTF-8: conda stops with UnicodeDecodeError; we skip it
        prefix.writeBytes(sp + "/latin1-1.0.egg-info", "Name: latin1\nVersion: 1.0\nAuthor: J\u00e9r\u00f4me\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        // a zipped egg file is not an anchor at all, nor are .pth files
        prefix.write(sp + "/zipped-1.0-py3.11.egg", "PK");
        prefix.write(sp + "/distutils-precedence.pth", "import os\n");

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "=2.0=pypi_0\npython=3.11.9=hb806964_0_cpython\n");
        assertThat(export.warnings()).hasSize(7);
        for (String left : List.of("norecord", "nometa", "noversion", "noname", "gone.egg-link", "twice.egg-link",
                "latin1")) {
            assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains(left));
        }
    }

    @Test
    void anEggDirectoryIsReadThroughItsEggInfo() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/eggs"), "3.11").history();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        prefix.write(prefix.sp() + "/Zope.Interface-6.4-py3.11-linux-x86_64.egg/EGG-INFO/PKG-INFO",
                "Metadata-Version: 2.1\nName: zope.interface\nVersion: 6.4\n");

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "python=3.11.9=hb806964_0_cpython\nzope-interface=6.4=pypi_0\n");
    }

    @Test
    void cep17SitePackagesPathComesFromThePythonRecord() {
        // a free-threaded build: the record says where site-packages is (CEP 17), and conda uses
        // it instead of lib/python3.13/site-packages
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/ft"), "3.13t").history();
        prefix.record("python", "3.13.0", "h9ebbce0_100_cp313t")
                .field("python_site_packages_path", "lib/python3.13t/site-packages").write();
        prefix.record("numpy", "2.1.0", "py313h151ba9f_0").depends("python >=3.13,<3.14.0a0")
                .files(prefix.distInfo("numpy-2.1.0.dist-info", "numpy", "2.1.0")).write();
        prefix.distInfo("attrs-24.2.0.dist-info", "attrs", "24.2.0");
        // what the version alone would name is not read
        new TestingCondaPrefix(prefix.root(), "3.13").distInfo("stray-1.0.dist-info", "stray", "1.0");

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "attrs=24.2.0=pypi_0\nnumpy=2.1.0=py313h151ba9f_0\n"
                + "python=3.13.0=h9ebbce0_100_cp313t\n");
        assertThat(export.warnings()).isEmpty();
    }

    @Test
    void aSymlinkedSitePackagesCountsFilesInstalledThroughTheLinkAndBehindIt() throws Exception {
        // lib/python3.13 is a symlink to lib/python3.13t and the python record has no CEP 17 field:
        // conda resolves the link and maps anchors written either way onto the resolved path
        TestingCondaPrefix real = new TestingCondaPrefix(tmp.resolve("envs/linked"), "3.13t").history();
        Files.createDirectories(real.sitePackagesDir());
        Files.createSymbolicLink(real.root().resolve("lib/python3.13"), Path.of("python3.13t"));
        TestingCondaPrefix viaLink = new TestingCondaPrefix(real.root(), "3.13");
        real.record("python", "3.13.0", "h9ebbce0_100_cp313t").write();
        real.record("numpy", "2.1.0", "py313h151ba9f_0").depends("python >=3.13,<3.14.0a0")
                .files(viaLink.distInfo("numpy-2.1.0.dist-info", "numpy", "2.1.0")).write();
        real.record("six", "1.16.0", "pyhd8ed1ab_0").noarch("python").depends("python")
                .files(real.distInfo("six-1.16.0.dist-info", "six", "1.16.0")).write();
        viaLink.distInfo("attrs-24.2.0.dist-info", "attrs", "24.2.0");

        CondaExport export = exporter.export(real.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "attrs=24.2.0=pypi_0\nnumpy=2.1.0=py313h151ba9f_0\n"
                + "python=3.13.0=h9ebbce0_100_cp313t\nsix=1.16.0=pyhd8ed1ab_0\n");
        assertThat(export.warnings()).isEmpty();
    }

    @Test
    void theRootInstallIsBase() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("miniforge3"), "3.11").history();
        prefix.write("envs/.conda_envs_dir_test", "");

        assertThat(exporter.export(prefix.root()).orElseThrow().envName()).isEqualTo("base");
    }

    @Test
    void aPrefixOutsideAnEnvsDirectoryIsNamedByItsPath() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("projects/gw/.env"), "3.11").history();

        assertThat(exporter.export(prefix.root()).orElseThrow().envName())
                .isEqualTo(prefix.root().toAbsolutePath().toString());
    }

    private static void deleteFile(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(CondaMetaExporterTest::deleteFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
