package org.asimov.capture;

import static org.asimov.capture.TestingProjects.git;
import static org.asimov.capture.TestingProjects.gitInit;
import static org.asimov.capture.TestingProjects.project;
import static org.asimov.capture.TestingProjects.sitePackages;
import static org.asimov.capture.TestingProjects.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.asimov.capture.pip.FreezeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Environments shaped by things outside site-packages: develop installs, the user site, the system's packages. */
class TestFreezeEnvironments {
    /** Legacy {@code setup.py develop}: an .egg-link plus easy-install.pth, with and without a git remote. */
    @ParameterizedTest
    @ValueSource(strings = {"3.8", "3.10", "3.11"})
    void legacyEggLinkEditables(String minor, @TempDir Path tmp) {
        Path python = TestingPython.venv(TestingPython.pyenv(minor), tmp.resolve("venv"));
        Path plain = tmp.resolve("plain");
        write(plain.resolve("setup.py"), "from setuptools import setup\nsetup(name='Legacy_Dev', version='0.3', py_modules=['legacy_dev'])\n");
        write(plain.resolve("legacy_dev.py"), "X = 1\n");
        Path upstream = tmp.resolve("upstream");
        write(upstream.resolve("setup.py"), "from setuptools import setup\nsetup(name='dev.tracked', version='1.0.post1', py_modules=['tracked'])\n");
        write(upstream.resolve("tracked.py"), "X = 1\n");
        gitInit(upstream);
        Path clone = tmp.resolve("clone");
        git(tmp, "clone", "-q", upstream.toString(), clone.toString());
        for (Path project : List.of(plain, clone)) {
            TestingPython.run(project, Map.of(), List.of(python.toString(), "setup.py", "-q", "develop"));
        }

        String real = TestingPython.realFreeze(python, Map.of());
        assertThat(TestingPython.nativeFreeze(python).text()).isEqualTo(real);
        assertThat(real).contains("# Editable install with no version control (Legacy-Dev==0.3)", "#egg=dev.tracked");
    }

    /**
     * A user site (PYTHONUSERBASE in a temporary directory, so the machine's stays untouched) and
     * a PYTHONPATH, seen from the base interpreter and from a venv with system site packages.
     */
    @Test
    void userSiteAndSystemSitePackages(@TempDir Path tmp) {
        Path base = TestingPython.pyenv("3.11");
        Path pythonPath = tmp.resolve("pythonpath");
        write(pythonPath.resolve("from_pythonpath-1.dist-info").resolve("METADATA"),
                "Metadata-Version: 2.1\nName: from-pythonpath\nVersion: 1\n\n");
        Map<String, String> env = Map.of("PYTHONUSERBASE", tmp.resolve("userbase").toString(), "PYTHONPATH", pythonPath.toString());
        Path wheels = tmp.resolve("wheels");
        for (String name : List.of("user-only", "six")) {
            Path source = project(tmp.resolve(name), name, "9.9", name.replace('-', '_'));
            TestingPython.run(tmp, env, List.of(base.toString(), "-m", "pip", "wheel", "-q", "--no-index", "--no-deps", "--no-cache-dir", "--no-build-isolation",
                    "-w", wheels.toString(), source.toString()));
        }
        TestingPython.run(tmp, env, List.of(base.toString(), "-m", "pip", "install", "-q", "--user", "--no-index", "--no-cache-dir",
                "--disable-pip-version-check", "--find-links", wheels.toString(), "user-only", "six==9.9"));
        Path venv = TestingPython.venv(base, tmp.resolve("venv"), "--system-site-packages", "--without-pip");

        String baseReal = TestingPython.realFreeze(base, env);
        assertThat(TestingPython.nativeFreeze(base, env).text()).isEqualTo(baseReal);
        assertThat(baseReal).contains("user-only==9.9", "from-pythonpath==1");
        // the venv has no pip of its own: the base pip runs in it, which is what `python -m pip` does there
        assertThat(TestingPython.nativeFreeze(venv, env).text()).isEqualTo(TestingPython.realFreeze(venv, env));
    }

    /** Debian's python3: dist-packages with egg-info files and directories, seen through a venv with system site packages. */
    @Test
    void debianVenvWithSystemSitePackages(@TempDir Path tmp) {
        Path venv = TestingPython.venv(Path.of("/usr/bin/python3"), tmp.resolve("venv"), "--system-site-packages");
        TestingProjects.trickyMetadata(sitePackages(tmp.resolve("venv")), tmp.resolve("tricky"));
        String real = TestingPython.realFreeze(venv, Map.of());
        assertThat(TestingPython.nativeFreeze(venv).text()).isEqualTo(real);
        assertThat(real).contains("PyGObject==", "lazr.uri==");
    }

    /** Metadata pip itself cannot read (binary METADATA makes pip freeze fail): skipped with a warning, never a crash. */
    @ParameterizedTest
    @ValueSource(strings = {"3.10", "3.11", "3.13"})
    void binaryMetadataIsSkippedWithAWarning(String minor, @TempDir Path tmp) throws IOException {
        Path python = TestingPython.venv(TestingPython.pyenv(minor), tmp.resolve("venv"), "--without-pip");
        Path site = sitePackages(tmp.resolve("venv"));
        Files.createDirectories(site.resolve("binmeta-3.0.dist-info"));
        Files.write(site.resolve("binmeta-3.0.dist-info").resolve("METADATA"), new byte[] {0x4d, (byte) 0xff, (byte) 0xfe, 0, 1, 2});
        write(site.resolve("fine-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: fine\nVersion: 1.0\n\n");

        FreezeResult result = TestingPython.nativeFreeze(python);
        assertThat(result.text()).isEqualTo("fine==1.0\n");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("binmeta-3.0.dist-info", "not UTF-8"));
    }
}
