package org.asimov.capture;

import static org.asimov.capture.TestingProjects.git;
import static org.asimov.capture.TestingProjects.gitInit;
import static org.asimov.capture.TestingProjects.project;
import static org.asimov.capture.TestingProjects.sitePackages;
import static org.asimov.capture.TestingProjects.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.asimov.capture.pip.FreezeResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One venv per pip rule set (pkg_resources with pip 23.0, importlib with pip 23.2 before and
 * after Python 3.12, pip 24.2) holding every kind of install pip freeze distinguishes; the
 * native freeze must equal the real one byte for byte.
 */
class TestFreezeScenarios {
    @ParameterizedTest
    @ValueSource(strings = {"3.8", "3.11", "3.12", "3.13"})
    void everyKindOfInstall(String minor, @TempDir Path tmp) {
        Path python = TestingPython.venv(TestingPython.pyenv(minor), tmp.resolve("venv"));
        // first as created: a fresh venv holds only what ensurepip put there
        assertThat(TestingPython.nativeFreeze(python).text()).isEqualTo(TestingPython.realFreeze(python, Map.of()));
        List<String> pip = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "-q", "--no-index",
                "--disable-pip-version-check", "--no-cache-dir", "--no-build-isolation"));

        // a local directory, a local wheel file (the test backend needs nothing, so no build isolation is needed)
        Path plain = project(tmp.resolve("plain"), "plain-project", "1.0.0-rc1", "plain_project");
        Path wheelSource = project(tmp.resolve("wheelsrc"), "Foo_Bar", "2.0", "foo_bar");
        TestingPython.run(tmp, Map.of(), List.of(python.toString(), "-m", "pip", "wheel", "-q", "--no-index", "--no-deps", "--no-cache-dir", "--no-build-isolation",
                "-w", tmp.resolve("wheels").toString(), wheelSource.toString()));
        // git+file://, at the root and in a subdirectory
        Path repo = gitInit(project(tmp.resolve("repo"), "zope.fake", "3.1", "zope_fake"));
        Path monorepo = tmp.resolve("mono");
        project(monorepo.resolve("sub"), "MixedCase", "0.1", "mixedcase");
        gitInit(monorepo);
        // editables: a plain directory, a clone (remote = local path), no remote, an invalid remote, a subdirectory
        Path editablePlain = project(tmp.resolve("ed-plain"), "ed-plain", "0.0.1", "ed_plain");
        git(tmp, "clone", "-q", repo.toString(), tmp.resolve("ed-clone").toString());
        Path noRemote = gitInit(project(tmp.resolve("ed-noremote"), "ed_noremote", "1", "ed_noremote"));
        Path badRemote = gitInit(project(tmp.resolve("ed-badremote"), "ed.badremote", "1", "ed_badremote"));
        git(badRemote, "remote", "add", "origin", "not-a-valid-remote");
        Path editableMono = tmp.resolve("ed-mono");
        project(editableMono.resolve("pkg"), "ed-mono", "5", "ed_mono");
        gitInit(editableMono);
        git(editableMono, "remote", "add", "upstream", "git@example.org:group/ed-mono.git");

        List<String> all = new ArrayList<>(pip);
        all.addAll(List.of(plain.toString(),
                tmp.resolve("wheels").resolve("Foo_Bar-2.0-py3-none-any.whl").toString(),
                "git+file://" + repo,
                "git+file://" + monorepo + "#subdirectory=sub",
                "-e", editablePlain.toString(),
                "-e", noRemote.toString(),
                "-e", badRemote.toString(),
                "-e", editableMono.resolve("pkg").toString()));
        TestingPython.run(tmp, Map.of(), all);
        // the clone goes in separately: its name equals the git+file install's, which it replaces
        List<String> clone = new ArrayList<>(pip);
        clone.addAll(List.of("-e", tmp.resolve("ed-clone").toString()));
        TestingPython.run(tmp, Map.of(), clone);

        Path site = sitePackages(tmp.resolve("venv"));
        // a distutils-style egg-info file with a version that is not PEP 440
        write(site.resolve("legacy.thing-1.0beta_weird_2.egg-info"),
                "Metadata-Version: 1.0\nName: legacy.thing\nVersion: 1.0beta-weird 2\n\n");
        // an egg-info directory with mixed-case name
        write(site.resolve("Some_Egg-4.0.egg-info").resolve("PKG-INFO"), "Metadata-Version: 1.1\nName: Some_Egg\nVersion: 4.0\n");
        // leftovers and broken metadata: pip skips or tolerates them, per version
        write(site.resolve("~atplotlib-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: ~atplotlib\nVersion: 1.0\n\n");
        write(site.resolve("nometa-1.0.dist-info").resolve("INSTALLER"), "pip\n");
        write(site.resolve("emptymeta-2.0.dist-info").resolve("METADATA"), "");
        write(site.resolve("renamed-4.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: Other-Name\nVersion: 4.1\n\n");
        // direct_url.json variants: archive with a hash, a broken one
        write(site.resolve("archived-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: archived\nVersion: 1.0\n\n");
        write(site.resolve("archived-1.0.dist-info").resolve("direct_url.json"),
                "{\"url\": \"https://example.org/archived-1.0.tar.gz\", \"archive_info\": {\"hash\": \"sha256=abc\", "
                        + "\"hashes\": {\"sha256\": \"abc\"}}, \"subdirectory\": \"py\"}");
        write(site.resolve("badurl-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: badurl\nVersion: 1.0\n\n");
        write(site.resolve("badurl-1.0.dist-info").resolve("direct_url.json"), "{\"url\": 3}");
        // duplicates: a directory put on sys.path twice (site dedups .pth paths, but not what a .pth
        // import line appends), holding an older copy of plain-project and a project of its own
        Path extra = tmp.resolve("extra");
        write(extra.resolve("plain_project-0.9.dist-info").resolve("METADATA"),
                "Metadata-Version: 2.1\nName: plain-project\nVersion: 0.9\n\n");
        write(extra.resolve("only_extra-7.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: only-extra\nVersion: 7\n\n");
        write(site.resolve("extra.pth"), extra + "\n" + extra + "/.\nimport sys; sys.path.append('" + extra + "')\n");

        TestingProjects.trickyMetadata(site, tmp.resolve("tricky"));

        FreezeResult result = TestingPython.nativeFreeze(python);
        String real = TestingPython.realFreeze(python, Map.of());
        assertThat(result.text()).isEqualTo(real);
        assertThat(real).contains("Foo_Bar", "MixedCase @ git+file://", "#egg=zope.fake", "# Editable Git install with no remote",
                "with either a deleted local remote or invalid URI", "legacy.thing===", "only-extra==7");
    }
}
