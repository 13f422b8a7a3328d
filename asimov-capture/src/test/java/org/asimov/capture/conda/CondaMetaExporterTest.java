package org.asimov.capture.conda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.asimov.core.environment.PackageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports prefixes built to conda's record format and compares with what conda prints. Each
 * expected line is derived from conda's source, with the reason beside it; the same prefixes
 * are listed by a real conda in {@link CondaCrossCheckTest}, which agreed with every one.
 */
class CondaMetaExporterTest {
    static final String HEADER = """
            # This file may be used to create an environment using:
            # $ conda create --name <env> --file <this file>
            # platform: linux-64
            # created-by: asimov-test
            """;

    @TempDir
    Path tmp;

    private final CondaMetaExporter exporter = exporter();

    static CondaMetaExporter exporter() {
        return CondaMetaExporter.standard(new CondaExportText("asimov-test"));
    }

    @Test
    void exportsWhatCondaListExportPrints() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.analysis(tmp);

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
        TestingCondaPrefix prefix = CondaPrefixScenarios.analysis(tmp);

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
        // what a package URL needs and the export text leaves out: noarch packages are not linux-64
        assertThat(export.recordSubdirs()).containsEntry("numpy", "linux-64").containsEntry("pip", "noarch")
                .doesNotContainKey("requests").doesNotContainKey("devproject");
    }

    @Test
    void leavesThePrefixByteForByteUnchanged() {
        // conda itself deletes the clobbered requests record from conda-meta while listing
        TestingCondaPrefix prefix = CondaPrefixScenarios.analysis(tmp);
        Map<String, String> before = prefix.snapshot();

        exporter.export(prefix.root()).orElseThrow();
        exporter.export(prefix.root()).orElseThrow();

        assertThat(prefix.snapshot()).isEqualTo(before);
        assertThat(prefix.root().resolve("conda-meta/requests-2.31.0-pyhd8ed1ab_0.json")).isRegularFile();
    }

    @Test
    void exportsAPrefixWhoseInterpreterCannotRun() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.analysis(tmp);
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
        TestingCondaPrefix prefix = CondaPrefixScenarios.empty(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        // print("\n".join([])) prints an empty line
        assertThat(export.text()).isEqualTo(HEADER + "\n");
        assertThat(export.packages()).isEmpty();
        assertThat(export.pythonVersion()).isNull();
        assertThat(export.envName()).isEqualTo("empty");
    }

    @Test
    void aRecordWhoseFileNameDisagreesIsLeftOutWithAWarning() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.mismatchedRecordFile(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "python=3.11.9=hb806964_0_cpython\nzlib=1.3.1=h4ab18f5_1\n");
        assertThat(export.warnings()).singleElement().asString().contains("xz-5.4.6-h166bdaf_0.json");
    }

    @Test
    void malformedJsonRecordsAreLeftOutWithAWarningAndTheRestListed() {
        // conda stops with CorruptedEnvironmentError on either; we list everything else
        TestingCondaPrefix prefix = CondaPrefixScenarios.truncatedRecord(tmp);
        prefix.writeBytes("conda-meta/bzip2-1.0.8-hd590300_5.json", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x7b});

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "python=3.11.9=hb806964_0_cpython\nzlib=1.3.1=h4ab18f5_1\n");
        assertThat(export.warnings()).hasSize(3);
        for (String file : List.of("openssl-3.3.1-h4ab18f5_0.json", "bzip2-1.0.8-hd590300_5.json",
                "xz-5.4.6-h166bdaf_0.json")) {
            assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains(file));
        }
    }

    @Test
    void aRecordWithoutBuildNumberIsListedWithAWarning() {
        // conda stops with a validation error; the record is readable, so we list it and say so
        TestingCondaPrefix prefix = CondaPrefixScenarios.recordWithoutBuildNumber(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "nobn=1.0=0\npython=3.11.9=hb806964_0_cpython\n"
                + "zlib=1.3.1=h4ab18f5_1\n");
        assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains("nobn-1.0-0.json", "build_number"));
    }

    @Test
    void onlyRecordsThatDependOnPythonOwnDistributions() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.owners(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        // docs-tool does not depend on python, so its dist-info is unowned and listed as a pip
        // record, which replaces the conda record of the same name in conda's name-keyed map;
        // ligo-segments depends on python through numpy and stays a conda record
        assertThat(export.text()).isEqualTo(HEADER + "docs-tool=1.0=pypi_0\nligo-segments=1.4.0=py312h9a8786e_0\n"
                + "numpy=2.0.0=py312h22e1c76_0\npython=3.12.4=h194c7f8_0_cpython\n");
        assertThat(export.warnings()).singleElement().asString().contains("docs_tool-1.0.dist-info");
    }

    @Test
    void aDependencyWhoseVersionIsNotInstalledDrawsNoEdge() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.forcedInconsistent(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        // "python >=3.12,<3.13.0a0" does not match python 3.11.9 (conda's MatchSpec.match), so
        // "forced" is no descendant of python and its dist-info is listed as a pip record
        assertThat(export.text()).isEqualTo(HEADER + "consistent=1.0=py311_0\nforced=1.0=pypi_0\n"
                + "python=3.11.9=hb806964_0_cpython\n");
    }

    @Test
    void distributionsCondaSkipsAreLeftOutWithWarnings() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.skippedDistributions(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        // the one without a Name is listed under the empty name, as conda lists it
        assertThat(export.text()).isEqualTo(HEADER + "=2.0=pypi_0\npython=3.11.9=hb806964_0_cpython\n");
        assertThat(export.warnings()).hasSize(6);
        for (String left : List.of("norecord", "nometa", "noversion", "empty_egg", "noname", "gone.egg-link")) {
            assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains(left));
        }
    }

    @Test
    void distributionsThatStopCondaAreLeftOutWithWarnings() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.eggLinkToTwoEggInfos(tmp);
        prefix.writeBytes(prefix.sp() + "/latin1-1.0.egg-info", new byte[] {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xe9});

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "=2.0=pypi_0\npython=3.11.9=hb806964_0_cpython\n");
        assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains("twice.egg-link", "exactly one"));
        assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains("latin1", "not UTF-8"));
    }

    @Test
    void pathsThatAreNotPathsAreWarningsNotFailures() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/nul"), "3.11").history();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        prefix.write(prefix.sp() + "/nul.egg-link", "/src/a\u0000b\n.");
        TestingCondaPrefix other = new TestingCondaPrefix(tmp.resolve("envs/nulsp"), "3.11").history();
        other.record("python", "3.11.9", "hb806964_0_cpython").field("python_site_packages_path", "lib/\u0000").write();

        assertThat(exporter.export(prefix.root()).orElseThrow().warnings()).singleElement().asString()
                .contains("nul.egg-link");
        assertThat(exporter.export(other.root()).orElseThrow().warnings()).singleElement().asString()
                .contains("not a path");
    }

    @Test
    void anEggDirectoryIsReadThroughItsEggInfo() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.eggDirectory(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "python=3.11.9=hb806964_0_cpython\nzope-interface=6.4=pypi_0\n");
    }

    @Test
    void cep17SitePackagesPathComesFromThePythonRecord() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.cep17(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        // lib/python3.13/site-packages (the "stray" dist-info) is not where conda looks
        assertThat(export.text()).isEqualTo(HEADER + "attrs=24.2.0=pypi_0\nnumpy=2.1.0=py313h151ba9f_0\n"
                + "python=3.13.0=h9ebbce0_100_cp313t\n");
        assertThat(export.warnings()).isEmpty();
    }

    @Test
    void aSymlinkedSitePackagesCountsFilesInstalledThroughTheLinkAndBehindIt() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.symlinkedSitePackages(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "attrs=24.2.0=pypi_0\nnumpy=2.1.0=py313h151ba9f_0\n"
                + "python=3.13.0=h9ebbce0_100_cp313t\nsix=1.16.0=pyhd8ed1ab_0\n");
        assertThat(export.warnings()).isEmpty();
    }

    @Test
    void metadataIsReadAsPythonsHeaderParserReadsItAndNamesSortByCodePoint() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.metadataEdges(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER
                // 'Z' (0x5A) sorts before 'a'; conda does not lower-case conda record names
                + "Zeta=1.0=0\n"
                + "alpha=2.0=1\n"
                // CRLF is read as LF; the "Name:" after the blank line is body, not a header
                + "crlf-pkg=1.0=pypi_0\n"
                // the record "dual" owns only its longest anchor (…dist-info/RECORD); its egg-info
                // file is unowned and the pip record takes the name
                + "dual=0.9=pypi_0\n"
                // a folded Summary does not disturb the headers after it
                + "folded=5=pypi_0\n"
                + "managed=0.1=pypi_0\n"
                + "python=3.10.14=hd12c33a_0_cpython\n"
                // two Version headers: the last one wins (_message_to_dict overwrites)
                + "twice=2.0=pypi_0\n"
                // "name:" is not "Name:"; a tab after the colon is stripped; version as written
                + "upper-case=1.0.0-RC1=pypi_0\n"
                // non-ASCII sorts after ASCII and is lower-cased like Python's str.lower()
                + "\u00fcber-tool=1.0=pypi_0\n");
        // "stopped": the headers end at the first non-header line, before Version
        assertThat(export.warnings()).hasSize(2);
        assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains("stopped-1.0.egg-info", "no Version"));
        assertThat(export.warnings()).anySatisfy(w -> assertThat(w).contains("dual=0.9=pypi_0", "dual=1.0=py_0"));
    }

    @Test
    void whitespaceIsKeptInsideLinesAndStrippedAtTheirEndAndABomHidesHeaders() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.whitespaceAndBom(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "python=3.11.9=hb806964_0_cpython\n"
                // header values keep trailing blanks; norm_package_name keeps spaces
                + "spaced name  =1.0 =pypi_0\n"
                // the record's build "0 " is printed, then the line is rstrip()ped
                + "trailing=1.0=0\n");
        // a BOM before the first header makes it a non-header line: no Version, not listed
        assertThat(export.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("bom", "no Version"));
    }

    @Test
    void withoutAPythonRecordSitePackagesIsNotRead() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.noPythonRecord(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "zlib=1.3.1=h4ab18f5_1\n");
        assertThat(export.warnings()).isEmpty();
    }

    @Test
    void aRecordWithAChecksumThatIsNotSha256StopsCondaAndIsLeftOutHere() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.nonSha256Record(tmp);

        CondaExport export = exporter.export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(HEADER + "fine=1.0=pypi_0\npython=3.11.9=hb806964_0_cpython\n");
        assertThat(export.warnings()).singleElement().asString().contains("md5sum-1.0.dist-info", "sha256");
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
}
