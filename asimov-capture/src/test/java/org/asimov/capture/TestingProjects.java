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

    public static Path sitePackages(Path venv) {
        try (var lib = Files.list(venv.resolve("lib"))) {
            return lib.filter(p -> p.getFileName().toString().startsWith("python")).findFirst().orElseThrow()
                    .resolve("site-packages");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
