package org.asimov.capture.conda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Conda prefixes shared by {@link CondaMetaExporterTest} (expected text derived from conda's
 * source) and {@link CondaCrossCheckTest} (the same prefixes listed by a real conda).
 * Each method builds one prefix under {@code tmp} and returns it.
 */
final class CondaPrefixScenarios {
    private CondaPrefixScenarios() {
    }

    /**
     * A realistic analysis environment: conda-forge, defaults and a custom channel, a record
     * with no channel, noarch python and generic records, conda-owned dist-info and egg-info,
     * and pip-installed dist-infos, an egg-info directory, an egg-info file, a PEP 660
     * editable and a legacy egg-link; one conda record whose distribution pip replaced.
     */
    static TestingCondaPrefix analysis(Path tmp) {
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

    /** History but no records. */
    static TestingCondaPrefix empty(Path tmp) {
        return new TestingCondaPrefix(tmp.resolve("envs/empty"), "3.11").history();
    }

    /** A record whose file name disagrees with its content, and files that are not records. */
    static TestingCondaPrefix mismatchedRecordFile(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/mismatch"), "3.11").history();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        prefix.record("zlib", "1.3.1", "h4ab18f5_1").write();
        // file name and content disagree: conda ignores the record (_load_single_record)
        prefix.record("xz", "5.2.6", "h166bdaf_0").fileName("xz-5.4.6-h166bdaf_0.json").write();
        // not records: AppleDouble files and other conda-meta content
        prefix.write("conda-meta/._zlib-1.3.1-h4ab18f5_1.json", "\u0000\u0005\u0016\u0007");
        prefix.write("conda-meta/pinned", "numpy 1.26.*\n");
        return prefix;
    }

    /** {@link #mismatchedRecordFile} plus a truncated record: conda stops with CorruptedEnvironmentError. */
    static TestingCondaPrefix truncatedRecord(Path tmp) {
        TestingCondaPrefix prefix = mismatchedRecordFile(tmp);
        prefix.write("conda-meta/openssl-3.3.1-h4ab18f5_0.json", "{\"name\": \"openssl\", \"version\": ");
        return prefix;
    }

    /** {@link #mismatchedRecordFile} plus a record that is not text: CorruptedEnvironmentError too. */
    static TestingCondaPrefix binaryRecord(Path tmp) {
        TestingCondaPrefix prefix = mismatchedRecordFile(tmp);
        prefix.writeBytes("conda-meta/bzip2-1.0.8-hd590300_5.json", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x7b});
        return prefix;
    }

    /** A record without build_number: conda stops when it validates the PrefixRecord. */
    static TestingCondaPrefix recordWithoutBuildNumber(Path tmp) {
        TestingCondaPrefix prefix = mismatchedRecordFile(tmp);
        prefix.write("conda-meta/nobn-1.0-0.json", "{\"name\": \"nobn\", \"version\": \"1.0\", \"build\": \"0\"}");
        return prefix;
    }

    /** Only records that (transitively) depend on python own site-packages distributions. */
    static TestingCondaPrefix owners(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/owners"), "3.12").history();
        prefix.record("python", "3.12.4", "h194c7f8_0_cpython").write();
        prefix.record("numpy", "2.0.0", "py312h22e1c76_0").depends("python >=3.12,<3.13.0a0")
                .files(prefix.distInfo("numpy-2.0.0.dist-info", "numpy", "2.0.0")).write();
        // depends on python only through numpy: still a descendant in conda's PrefixGraph
        prefix.record("ligo-segments", "1.4.0", "py312h9a8786e_0").depends("numpy >=1.19")
                .files(prefix.distInfo("ligo_segments-1.4.0.dist-info", "ligo-segments", "1.4.0")).write();
        // does not depend on python: its files do not count
        prefix.record("docs-tool", "1.0", "0").files(prefix.distInfo("docs_tool-1.0.dist-info", "docs_tool", "1.0"))
                .write();
        return prefix;
    }

    /**
     * An environment forced into inconsistency: a package built for Python 3.12 over a 3.11
     * interpreter. Its python dependency matches no installed record, so conda's graph has no
     * edge and its distribution counts as unowned.
     */
    static TestingCondaPrefix forcedInconsistent(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/forced"), "3.11").history();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        prefix.record("consistent", "1.0", "py311_0").depends("python >=3.11,<3.12.0a0")
                .files(prefix.distInfo("consistent-1.0.dist-info", "consistent", "1.0")).write();
        prefix.record("forced", "1.0", "py312_0").depends("python >=3.12,<3.13.0a0")
                .files(prefix.distInfo("forced-1.0.dist-info", "forced", "1.0")).write();
        return prefix;
    }

    /** Distributions conda skips: no RECORD, no METADATA, no Version, a dangling egg-link; and one without Name. */
    static TestingCondaPrefix skippedDistributions(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/odd"), "3.11").history();
        String sp = prefix.sp();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        // no RECORD: get_paths raises FileNotFoundError, read_python_record is skipped
        prefix.distInfo("norecord-1.0.dist-info", "norecord", "1.0");
        delete(prefix.sitePackagesDir().resolve("norecord-1.0.dist-info/RECORD"));
        // no METADATA: a mandatory file, OSError, skipped
        prefix.distInfo("nometa-1.0.dist-info", "nometa", "1.0");
        delete(prefix.sitePackagesDir().resolve("nometa-1.0.dist-info/METADATA"));
        // no Version: PrefixRecord validation fails, skipped
        prefix.write(sp + "/noversion.egg-info", "Metadata-Version: 1.0\nName: noversion\n");
        // an egg-info directory without PKG-INFO: no metadata, so no version either
        prefix.write(sp + "/empty_egg-1.0-py3.11.egg-info/SOURCES.txt", "setup.py\n");
        // no Name: conda lists it under the empty name
        prefix.write(sp + "/noname-2.0.egg-info", "Metadata-Version: 1.0\nVersion: 2.0\n");
        // an egg-link whose project is gone: OSError, skipped
        prefix.write(sp + "/gone.egg-link", tmp.resolve("no/such/project") + "\n.");
        // a zipped egg file is not an anchor at all, nor are .pth files
        prefix.write(sp + "/zipped-1.0-py3.11.egg", "PK");
        prefix.write(sp + "/distutils-precedence.pth", "import os\n");
        return prefix;
    }

    /** {@link #skippedDistributions} plus an egg-link to a project with two egg-infos: conda stops with CondaError. */
    static TestingCondaPrefix eggLinkToTwoEggInfos(Path tmp) {
        TestingCondaPrefix prefix = skippedDistributions(tmp);
        Path twice = tmp.resolve("src/twice");
        prefix.eggLink("twice.egg-link", twice, "twice", "1.0");
        prefix.eggLink("twice2.egg-link", twice, "twice-old", "0.9");
        delete(prefix.sitePackagesDir().resolve("twice2.egg-link"));
        return prefix;
    }

    /** {@link #skippedDistributions} plus metadata that is not UTF-8: conda stops with UnicodeDecodeError. */
    static TestingCondaPrefix latin1Metadata(Path tmp) {
        TestingCondaPrefix prefix = skippedDistributions(tmp);
        prefix.writeBytes(prefix.sp() + "/latin1-1.0.egg-info", "Name: latin1\nVersion: 1.0\nAuthor: J\u00e9r\u00f4me\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        return prefix;
    }

    /** An unzipped {@code .egg} directory. */
    static TestingCondaPrefix eggDirectory(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/eggs"), "3.11").history();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        prefix.write(prefix.sp() + "/Zope.Interface-6.4-py3.11-linux-x86_64.egg/EGG-INFO/PKG-INFO",
                "Metadata-Version: 2.1\nName: zope.interface\nVersion: 6.4\n");
        return prefix;
    }

    /** A free-threaded python whose record names its site-packages (CEP 17). */
    static TestingCondaPrefix cep17(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/ft"), "3.13t").history();
        prefix.record("python", "3.13.0", "h9ebbce0_100_cp313t")
                .field("python_site_packages_path", "lib/python3.13t/site-packages").write();
        prefix.record("numpy", "2.1.0", "py313h151ba9f_0").depends("python >=3.13,<3.14.0a0")
                .files(prefix.distInfo("numpy-2.1.0.dist-info", "numpy", "2.1.0")).write();
        prefix.distInfo("attrs-24.2.0.dist-info", "attrs", "24.2.0");
        // what the version alone would name is not read
        new TestingCondaPrefix(prefix.root(), "3.13").distInfo("stray-1.0.dist-info", "stray", "1.0");
        return prefix;
    }

    /** lib/python3.13 is a symlink to lib/python3.13t; records name files either way. */
    static TestingCondaPrefix symlinkedSitePackages(Path tmp) {
        TestingCondaPrefix real = new TestingCondaPrefix(tmp.resolve("envs/linked"), "3.13t").history();
        try {
            Files.createDirectories(real.sitePackagesDir());
            Files.createSymbolicLink(real.root().resolve("lib/python3.13"), Path.of("python3.13t"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestingCondaPrefix viaLink = new TestingCondaPrefix(real.root(), "3.13");
        real.record("python", "3.13.0", "h9ebbce0_100_cp313t").write();
        real.record("numpy", "2.1.0", "py313h151ba9f_0").depends("python >=3.13,<3.14.0a0")
                .files(viaLink.distInfo("numpy-2.1.0.dist-info", "numpy", "2.1.0")).write();
        real.record("six", "1.16.0", "pyhd8ed1ab_0").noarch("python").depends("python")
                .files(real.distInfo("six-1.16.0.dist-info", "six", "1.16.0")).write();
        viaLink.distInfo("attrs-24.2.0.dist-info", "attrs", "24.2.0");
        return real;
    }

    /**
     * Metadata as conda's header parser reads it, and listing order: the last {@code Version}
     * wins, header names are case-sensitive, a tab may follow the colon, CRLF files, headers stop
     * at the first non-header line, versions are printed as written; conda names sort in code
     * point order (upper case first); a record owning two anchors owns only the longest.
     */
    static TestingCondaPrefix metadataEdges(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/edges"), "3.10").history();
        String sp = prefix.sp();
        prefix.record("python", "3.10.14", "hd12c33a_0_cpython").write();
        prefix.record("Zeta", "1.0", "0").write();
        prefix.record("alpha", "2.0", "1").write();
        prefix.distInfo("twice-1.dist-info", "twice", "1.0", "Version: 2.0");
        prefix.write(sp + "/cased-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nname: lower\nName: Upper.Case\n"
                + "Version:\t1.0.0-RC1\n");
        prefix.write(sp + "/cased-1.0.dist-info/RECORD", "upper_case/__init__.py,,\n\"upper_case/a,b.py\",sha256=AAAA,1\n");
        prefix.write(sp + "/crlf-1.0.dist-info/METADATA", "Metadata-Version: 2.1\r\nName: CRLF_pkg\r\nVersion: 1.0\r\n\r\n"
                + "Name: body-is-not-headers\r\n");
        prefix.write(sp + "/crlf-1.0.dist-info/RECORD", "crlf_pkg/__init__.py,,\r\n");
        prefix.write(sp + "/stopped-1.0.egg-info", "Name: stopped\nthis line is not a header\nVersion: 1.0\n");
        prefix.write(sp + "/folded-1.0.egg-info", "Name: folded\nSummary: one\n  two\nVersion: 5\n");
        prefix.write(sp + "/\u00dcber_Tool-1.0.egg-info", "Name: \u00dcber_Tool\nVersion: 1.0\n");
        // a manageable egg-info (installed-files.txt is read by conda)
        prefix.write(sp + "/managed-0.1-py3.10.egg-info/PKG-INFO", "Name: managed\nVersion: 0.1\n");
        prefix.write(sp + "/managed-0.1-py3.10.egg-info/installed-files.txt", "../managed/__init__.py\nPKG-INFO\n");
        // one record, two anchors: the dist-info RECORD path is longer, so the egg-info is unowned
        // and listed as a pip record that takes the conda record's place
        List<String> files = new java.util.ArrayList<>(prefix.distInfo("dual-1.0.dist-info", "dual", "1.0"));
        files.add(prefix.eggInfoFile("dual-1.0-py3.10.egg-info", "dual", "0.9"));
        prefix.record("dual", "1.0", "py_0").depends("python").files(files).write();
        return prefix;
    }

    /**
     * Whitespace and byte-order marks: values keep trailing blanks, conda {@code rstrip}s each
     * printed line, and a UTF-8 BOM (kept by Python's utf-8 codec) hides every header after it.
     */
    static TestingCondaPrefix whitespaceAndBom(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/blanks"), "3.11").history();
        String sp = prefix.sp();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        prefix.record("trailing", "1.0", "0 ").write();
        prefix.write(sp + "/spaced-1.0.egg-info", "Name: Spaced Name  \nVersion: 1.0 \n");
        prefix.writeBytes(sp + "/bom-1.0.egg-info", "\ufeffName: bom\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8));
        prefix.writeBytes(sp + "/bomlate-1.0.egg-info",
                "\ufeffMetadata-Version: 1.0\nName: bomlate\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8));
        return prefix;
    }

    /** Site-packages distributions but no python record: conda does not look at site-packages. */
    static TestingCondaPrefix noPythonRecord(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/nopython"), "3.11").history();
        prefix.record("zlib", "1.3.1", "h4ab18f5_1").write();
        prefix.distInfo("orphan-1.0.dist-info", "orphan", "1.0");
        return prefix;
    }

    /** A RECORD whose checksum is not sha256: conda stops with ValueError. */
    static TestingCondaPrefix nonSha256Record(Path tmp) {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp.resolve("envs/md5"), "3.11").history();
        prefix.record("python", "3.11.9", "hb806964_0_cpython").write();
        prefix.distInfo("fine-1.0.dist-info", "fine", "1.0");
        prefix.write(prefix.sp() + "/md5sum-1.0.dist-info/METADATA", "Name: md5sum\nVersion: 1.0\n");
        prefix.write(prefix.sp() + "/md5sum-1.0.dist-info/RECORD", "md5sum.py,md5=abc,12\n");
        return prefix;
    }

    static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            all.forEach(CondaPrefixScenarios::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
