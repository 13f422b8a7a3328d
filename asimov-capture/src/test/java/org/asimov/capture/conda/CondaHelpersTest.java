package org.asimov.capture.conda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-job helpers, each against the conda or Python behaviour it reproduces. */
class CondaHelpersTest {
    private final CondaSubdirs subdirs = new CondaSubdirs();

    @Test
    void namesAreNormalisedAsCondaNormPackageNameDoes() {
        PypiNameNormaliser names = new PypiNameNormaliser();
        assertThat(names.normalise("Foo_Bar.baz")).isEqualTo("foo-bar-baz");
        // runs of separators are not collapsed, unlike PEP 503
        assertThat(names.normalise("a__b..c")).isEqualTo("a--b--c");
        assertThat(names.normalise("zope.interface")).isEqualTo("zope-interface");
        assertThat(names.normalise(null)).isEmpty();
        // Python's str.lower() does not depend on the locale
        assertThat(names.normalise("TITLE")).isEqualTo("title");
    }

    @Test
    void pythonStringBehaviours() {
        assertThat(PythonText.rstrip("a=1=b \t\u00a0\u3000")).isEqualTo("a=1=b");
        assertThat(PythonText.strip("\u2003 /x/y \n")).isEqualTo("/x/y");
        assertThat(PythonText.rsplit("python-dateutil-2.9.0-pyhd8ed1ab_0", '-', 2))
                .containsExactly("python-dateutil", "2.9.0", "pyhd8ed1ab_0");
        assertThat(PythonText.rsplit("nodash", '-', 2)).containsExactly("nodash");
        assertThat(PythonText.universalNewlines("a\r\nb\rc\n")).isEqualTo("a\nb\nc\n");
        List<String> names = new ArrayList<>(List.of("python_abi", "python", "Zeta", "\uff41", "\ud83d\ude00",
                "python-dateutil", "_libgcc_mutex"));
        names.sort(PythonText.CODE_POINT_ORDER);
        // U+1F600 is above U+FF41 by code point, though its UTF-16 surrogates sort below it
        assertThat(names).containsExactly("Zeta", "_libgcc_mutex", "python", "python-dateutil", "python_abi",
                "\uff41", "\ud83d\ude00");
    }

    @Test
    void headersAreReadAsPythonsCompat32ParserReadsThem() {
        CoreMetadataHeaders headers = CoreMetadataHeaders.parse(
                "Metadata-Version: 2.1\nName:   spaced  \nSummary: a\n folded\nVersion: 1\nVersion: 2\n\nName: body\n");
        // leading blanks go, trailing ones stay; the last Version wins; the body is not headers
        assertThat(headers.name()).isEqualTo("spaced  ");
        assertThat(headers.version()).isEqualTo("2");

        CoreMetadataHeaders folded = CoreMetadataHeaders.parse("Name: a\n b\nVersion: 1\n");
        // a continuation keeps its line break, as compat32 does
        assertThat(folded.name()).isEqualTo("a\n b");

        assertThat(CoreMetadataHeaders.parse(" leading continuation\nName: x\nVersion: 1").name()).isEqualTo("x");
        assertThat(CoreMetadataHeaders.parse("From someone\nName: x\nVersion: 1\n").name()).isEqualTo("x");
        assertThat(CoreMetadataHeaders.parse(": no name\nName: x\n").name()).isEqualTo("x");
        assertThat(CoreMetadataHeaders.parse("Name x\nVersion: 1\n").version()).isNull();
        assertThat(CoreMetadataHeaders.parse("").name()).isNull();
    }

    @Test
    void csvRowsAreReadAsPythonsCsvModuleReadsThem() {
        assertThat(InstalledFilesManifest.csvRows("a,b,c\n\"x,y\",\"q\"\"q\",\n\nlast"))
                .containsExactly(List.of("a", "b", "c"), List.of("x,y", "q\"q", ""), List.of(), List.of("last"));
    }

    @Test
    void csvEdgeCasesMatchPythonsCsvReader() {
        // expected rows are what Python 3.11's csv.reader returned for each text
        assertThat(InstalledFilesManifest.csvRows("a,\"b\nc\",d\n")).containsExactly(List.of("a", "b\nc", "d"));
        assertThat(InstalledFilesManifest.csvRows("a\"b,c\n")).containsExactly(List.of("a\"b", "c"));
        assertThat(InstalledFilesManifest.csvRows("\"a\"b,c\n")).containsExactly(List.of("ab", "c"));
        assertThat(InstalledFilesManifest.csvRows(" a , b \n")).containsExactly(List.of(" a ", " b "));
        assertThat(InstalledFilesManifest.csvRows("\"unterminated,x\n")).containsExactly(List.of("unterminated,x\n"));
        assertThat(InstalledFilesManifest.csvRows(",\n")).containsExactly(List.of("", ""));
        assertThat(InstalledFilesManifest.csvRows("\"\"\n")).containsExactly(List.of(""));
        assertThat(InstalledFilesManifest.csvRows("x,\"\"\"\",y")).containsExactly(List.of("x", "\"", "y"));
    }

    @Test
    void manifestProblemsAreThoseThatStopConda(@TempDir Path dir) throws Exception {
        Path record = dir.resolve("RECORD");
        Files.writeString(record, "pkg/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,22\nRECORD,,\n");
        assertThat(InstalledFilesManifest.problem(record)).isEmpty();
        Files.writeString(record, "pkg/__init__.py,sha256=x, 1_000 \n");
        assertThat(InstalledFilesManifest.problem(record)).isEmpty();
        Files.writeString(record, "pkg/__init__.py,md5=x,1\n");
        assertThat(InstalledFilesManifest.problem(record)).get().asString().contains("sha256");
        Files.writeString(record, "pkg/__init__.py,sha256=x,big\n");
        assertThat(InstalledFilesManifest.problem(record)).get().asString().contains("size");
        Files.writeString(record, "a,,\n\nb,,\n");
        assertThat(InstalledFilesManifest.problem(record)).get().asString().contains("empty row");
        assertThat(InstalledFilesManifest.problem(dir.resolve("missing"))).isPresent();
    }

    @Test
    void sitePackagesFollowsThePythonRecord() {
        SitePackagesLayout layout = new SitePackagesLayout();
        assertThat(layout.shortPath(python("3.11.9", null, "linux-64"), subdirs)).isEqualTo("lib/python3.11/site-packages");
        assertThat(layout.shortPath(python("3.13.0", "lib/python3.13t/site-packages", "linux-64"), subdirs))
                .isEqualTo("lib/python3.13t/site-packages");
        assertThat(layout.shortPath(python("3.12.4", null, "win-64"), subdirs)).isEqualTo("Lib/site-packages");
        assertThat(SitePackagesLayout.majorMinor("3.10.14")).isEqualTo("3.10");
        assertThat(SitePackagesLayout.majorMinor("311")).isEqualTo("3.11");
        assertThat(SitePackagesLayout.majorMinor("x")).isEqualTo("None");
        // conda's get_major_minor_version on the same inputs
        assertThat(SitePackagesLayout.majorMinor("3")).isEqualTo("None");
        assertThat(SitePackagesLayout.majorMinor("3.13.0rc1")).isEqualTo("3.13");
        assertThat(SitePackagesLayout.majorMinor("python3.11")).isEqualTo("3.11");
        assertThat(SitePackagesLayout.majorMinor("03.011")).isEqualTo("03.011");
    }

    @Test
    void channelsAreNamedAsCondaCanonicalNames() {
        CondaChannelName channels = new CondaChannelName(subdirs);
        assertThat(channels.of(channel("https://conda.anaconda.org/conda-forge/linux-64", null))).isEqualTo("conda-forge");
        assertThat(channels.of(channel("https://conda.anaconda.org/conda-forge/label/rc/noarch", null)))
                .isEqualTo("conda-forge/label/rc");
        assertThat(channels.of(channel("https://repo.anaconda.com/pkgs/main/linux-64", null))).isEqualTo("defaults");
        assertThat(channels.of(channel("https://repo.anaconda.com/pkgs/r", null))).isEqualTo("defaults");
        // what conda's Channel(url).canonical_name gives with no configuration, on Linux
        Map<String, String> condaSays = Map.of(
                "https://conda.anaconda.org/bioconda/noarch/pysam-0.22-py311_0.tar.bz2", "bioconda",
                "https://repo.anaconda.com/pkgs/free/linux-64", "https://repo.anaconda.com/pkgs/free",
                "https://repo.anaconda.com/pkgs/pro/linux-64", "pkgs/pro",
                "https://repo.anaconda.com/pkgs/msys2/win-64", "https://repo.anaconda.com/pkgs/msys2",
                "https://conda.example.org:8443/igwn/linux-64", "https://conda.example.org:8443/igwn",
                "https://conda.anaconda.org/t/tk-1/private/linux-64", "private",
                "http://conda.anaconda.org/conda-forge/linux-64", "conda-forge",
                "https://prefix.dev/conda-forge/linux-64", "https://prefix.dev/conda-forge");
        condaSays.forEach((url, name) -> assertThat(channels.of(channel(url, null))).as(url).isEqualTo(name));
        assertThat(channels.of(channel("https://user:secret@conda.example.org/t/tk-123/igwn/linux-64", null)))
                .isEqualTo("https://conda.example.org/igwn");
        assertThat(channels.of(channel("file:///home/me/conda-bld/linux-64", null))).isEqualTo("file:///home/me/conda-bld");
        // older conda wrote a short name (schannel)
        assertThat(channels.of(channel("bioconda", null))).isEqualTo("bioconda");
        // no channel: the url tells, as conda's ChannelField falls back to Channel(url)
        assertThat(channels.of(channel(null, "https://conda.anaconda.org/conda-forge/noarch/six-1.16.0-pyh6c4a22f_0.tar.bz2")))
                .isEqualTo("conda-forge");
        assertThat(channels.of(channel(null, null))).isNull();
        assertThat(channels.of(channel("<unknown>", null))).isNull();
    }

    @Test
    void dependencyNamesAreTheMatchSpecName() {
        assertThat(DependencySpec.parse("python >=3.11,<3.12.0a0")).isEqualTo(new DependencySpec("python", ">=3.11,<3.12.0a0"));
        assertThat(DependencySpec.parse("python_abi 3.11.* *_cp311")).isEqualTo(new DependencySpec("python_abi", "3.11.*"));
        assertThat(DependencySpec.parse("python=3.11").name()).isEqualTo("python");
        assertThat(DependencySpec.parse("numpy>=1.23")).isEqualTo(new DependencySpec("numpy", ">=1.23"));
        assertThat(DependencySpec.parse("conda-forge::python>=3.9").name()).isEqualTo("python");
        assertThat(DependencySpec.parse("python[version='>=3.9']")).isEqualTo(new DependencySpec("python", ""));
        assertThat(DependencySpec.parse("tzdata")).isEqualTo(new DependencySpec("tzdata", ""));
    }

    @Test
    void versionConstraintsAreEvaluatedWithCondasVersionOrder() {
        assertThat(DependencySpec.parse("python >=3.11,<3.12.0a0").acceptsVersion("3.11.9")).isTrue();
        assertThat(DependencySpec.parse("python >=3.11,<3.12.0a0").acceptsVersion("3.12.0rc1")).isFalse();
        assertThat(DependencySpec.parse("python >=3.12,<3.13.0a0").acceptsVersion("3.11.9")).isFalse();
        assertThat(DependencySpec.parse("python >=3.7").acceptsVersion("3.13.0")).isTrue();
        assertThat(DependencySpec.parse("python <3|>=3.8").acceptsVersion("3.10.14")).isTrue();
        assertThat(DependencySpec.parse("python ==3.11.9").acceptsVersion("3.11.9.0")).isTrue();
        // forms not evaluated are taken as satisfied: never a false "not owned"
        assertThat(DependencySpec.parse("python_abi 3.11.* *_cp311").acceptsVersion("3.12")).isTrue();
        assertThat(DependencySpec.parse("python ~=3.11").acceptsVersion("2.7")).isTrue();
        assertThat(DependencySpec.parse("python (>=3.11)").acceptsVersion("2.7")).isTrue();
    }

    @Test
    void versionsOrderAsCondasVersionOrderDocumentsThem() {
        // the order in conda's VersionOrder docstring
        List<String> ascending = List.of("0.4", "0.4.1.rc", "0.4.1", "0.5a1", "0.5b3", "0.5C1", "0.5", "0.9.6",
                "0.960923", "1.0", "1.1dev1", "1.1_", "1.1a1", "1.1.0dev1", "1.1.a1", "1.1.0rc1", "1.1.0",
                "1.1.0post1", "1.1post1", "1996.07.12", "1!0.4.1", "1!3.1.1.6", "2!0.4.1");
        for (int i = 1; i < ascending.size(); i++) {
            CondaVersionOrder lower = CondaVersionOrder.parse(ascending.get(i - 1));
            CondaVersionOrder higher = CondaVersionOrder.parse(ascending.get(i));
            assertThat(lower.compareTo(higher)).as(ascending.get(i - 1) + " < " + ascending.get(i)).isNegative();
        }
        for (String[] same : new String[][] {{"0.4", "0.4.0"}, {"0.4.1.rc", "0.4.1.RC"}, {"1.1.0dev1", "1.1.dev1"},
                {"1.1.0", "1.1"}, {"1.1.0post1", "1.1.post1"}, {"1.0+a.1", "1.0+a_1"}}) {
            assertThat(CondaVersionOrder.parse(same[0])).isEqualTo(CondaVersionOrder.parse(same[1]));
        }
        // a local part's string is below the missing part's fill value 0, as in conda
        assertThat(CondaVersionOrder.parse("1.0+local").compareTo(CondaVersionOrder.parse("1.0"))).isNegative();
        assertThat(CondaVersionOrder.parse("1..0")).isNull();
        assertThat(CondaVersionOrder.parse("1!2!3")).isNull();
        assertThat(CondaVersionOrder.parse("1.0 beta")).isNull();
        assertThat(CondaVersionOrder.parse("2024-01-02")).isEqualTo(CondaVersionOrder.parse("2024.1.2"));
    }

    @Test
    void theHeaderPlatformIsTheRecordsPlatform() {
        List<CondaMetaRecord> records = List.of(record("tzdata", "noarch", null), record("python", "osx-arm64", null),
                record("zlib", null, "https://conda.anaconda.org/conda-forge/osx-arm64/zlib-1.3.1-h0d3ecfb_1.conda"));
        assertThat(subdirs.headerPlatform(records)).isEqualTo("osx-arm64");
        // only noarch records: conda's own platform, which for these tests is the machine's
        assertThat(subdirs.headerPlatform(List.of(record("tzdata", "noarch", null))))
                .isEqualTo(CondaSubdirs.machine());
        assertThat(CondaSubdirs.machine()).matches("(linux|osx|win|freebsd|unknown)-[a-z0-9]+");
    }

    @Test
    void environmentNamesFollowConda(@TempDir Path dir) throws Exception {
        CondaEnvNameRule rule = new CondaEnvNameRule();
        Files.createDirectories(dir.resolve("miniforge3/envs/gw"));
        Files.createDirectories(dir.resolve("home/.conda/envs/lal"));
        Files.createDirectories(dir.resolve("mambaforge/condabin"));
        Files.writeString(dir.resolve("mambaforge/condabin/conda"), "#!/bin/sh\n");
        assertThat(rule.envName(dir.resolve("miniforge3"))).isEqualTo("base");
        assertThat(rule.envName(dir.resolve("mambaforge"))).isEqualTo("base");
        assertThat(rule.envName(dir.resolve("miniforge3/envs/gw"))).isEqualTo("gw");
        assertThat(rule.envName(dir.resolve("home/.conda/envs/lal"))).isEqualTo("lal");
        assertThat(rule.envName(dir.resolve("project/.venv"))).isEqualTo(dir.resolve("project/.venv").toString());
    }

    private static CondaMetaRecord python(String version, String sitePackages, String subdir) {
        return new CondaMetaRecord("python.json", "python", version, "0", null, subdir, null, List.of(), List.of(),
                sitePackages);
    }

    private static CondaMetaRecord channel(String channel, String url) {
        return new CondaMetaRecord("x.json", "x", "1", "0", channel, null, url, List.of(), List.of(), null);
    }

    private static CondaMetaRecord record(String name, String subdir, String url) {
        return new CondaMetaRecord(name + ".json", name, "1", "0", null, subdir, url, List.of(), List.of(), null);
    }
}
