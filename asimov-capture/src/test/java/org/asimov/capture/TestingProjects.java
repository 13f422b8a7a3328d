package org.asimov.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small real Python projects for tests, built by an in-tree backend so that pip needs no index. */
public final class TestingProjects {
    private static final Map<String, String> GIT_ENV = Map.of(
            "GIT_AUTHOR_NAME", "asimov", "GIT_AUTHOR_EMAIL", "asimov@example.org",
            "GIT_COMMITTER_NAME", "asimov", "GIT_COMMITTER_EMAIL", "asimov@example.org",
            "GIT_CONFIG_NOSYSTEM", "1");

    private TestingProjects() {
    }

    /** A project directory with pyproject.toml, the test backend and one module. */
    public static Path project(Path dir, String name, String version, String module) {
        try {
            Files.createDirectories(dir.resolve(module));
            Files.writeString(dir.resolve(module).resolve("__init__.py"), "VERSION = '" + version + "'\n");
            Files.writeString(dir.resolve("project.cfg"), "name=" + name + "\nversion=" + version + "\nmodule=" + module + "\n");
            Files.writeString(dir.resolve("pyproject.toml"), "[build-system]\nrequires = []\n"
                    + "build-backend = \"asimov_test_backend\"\nbackend-path = [\".\"]\n");
            try (InputStream backend = TestingProjects.class.getResourceAsStream("asimov_test_backend.py")) {
                Files.write(dir.resolve("asimov_test_backend.py"), backend.readAllBytes());
            }
            return dir;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Makes {@code dir} a git repository with one commit of everything in it. */
    public static Path gitInit(Path dir) {
        git(dir, "init", "-q");
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "-m", "initial");
        return dir;
    }

    public static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return TestingPython.run(dir, GIT_ENV, command);
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Hand-made metadata that exercises the corners of pip's readers: an upper-case suffix, a
     * single-file egg-info without a version in its name, a name with a trailing blank, two
     * projects whose names differ only in punctuation, a directory name that disagrees with the
     * metadata, an empty dist-info, a version with an implicit post release, an egg-info holding
     * both PKG-INFO and METADATA, .egg-link files (one dangling, one to a project), an editable
     * direct_url with a quoted path, header case and continuation lines, a non-ASCII name.
     */
    public static void trickyMetadata(Path site, Path scratch) {
        write(site.resolve("FOO-1.0.DIST-INFO").resolve("METADATA"), "Metadata-Version: 2.1\nName: FOO\nVersion: 1.0\n\n");
        write(site.resolve("baz.egg-info"), "Metadata-Version: 1.0\nName: baz\nVersion: 0.1\n\n");
        write(site.resolve("spaced-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: spaced \nVersion: 1.0+ABC.01\n\n");
        write(site.resolve("dot.under-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: dot.under\nVersion: 1.0\n\n");
        write(site.resolve("dot_under-2.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: dot_under\nVersion: 2.0\n\n");
        write(site.resolve("Django-4.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: django\nVersion: 4.0\n\n");
        write(site.resolve("empty-1.0.dist-info").resolve("INSTALLER"), "pip\n");
        write(site.resolve("weird-1.0-1.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: weird\nVersion: 1.0-1\n\n");
        write(site.resolve("both-1.0.egg-info").resolve("PKG-INFO"), "Metadata-Version: 1.0\nName: both\nVersion: 1.5\n\n");
        write(site.resolve("both-1.0.egg-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: both\nVersion: 1.7\n\n");
        write(site.resolve("ghost.egg-link"), scratch.resolve("nonexistent") + "\n");
        Path linked = scratch.resolve("linked").resolve("proj");
        write(linked.resolve("linked_proj.egg-info").resolve("PKG-INFO"), "Metadata-Version: 1.0\nName: linked-proj\nVersion: 3\n\n");
        write(site.resolve("linked-proj.egg-link"), "\n" + linked + "\n.\n");
        Path spaced = scratch.resolve("my proj");
        write(spaced.resolve("pyproject.toml"), "");
        write(site.resolve("edit_sp-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: edit-sp\nVersion: 1.0\n\n");
        write(site.resolve("edit_sp-1.0.dist-info").resolve("direct_url.json"),
                "{\"url\": \"" + FILE_URL_PREFIX + scratch.toString().replace(" ", "%20") + "/my%20proj\", \"dir_info\": {\"editable\": true}}");
        write(site.resolve("tz-2024.1.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: tz\nVersion: 2024.01\n\n");
        write(site.resolve("\u00dcn\u00ef-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: \u00dcn\u00ef\nVersion: 1.0\n\n");
        write(site.resolve("zz_hdr-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nname: zz_hdr\nVERSION: 1.0\nName: other\n\n");
        write(site.resolve("cont-1.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: cont\nVersion:\n  1.0\n\n");
    }

    private static final String FILE_URL_PREFIX = "file://";

    public static Path sitePackages(Path venv) {
        try (var lib = Files.list(venv.resolve("lib"))) {
            return lib.filter(p -> p.getFileName().toString().startsWith("python")).findFirst().orElseThrow()
                    .resolve("site-packages");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
