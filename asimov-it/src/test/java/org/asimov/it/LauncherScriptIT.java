package org.asimov.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.it.LauncherProcess.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/asimov itself, the script a user runs: what it does before the JVM (finding the command
 * word to choose the JIT, the start-up cache) must neither hang nor change what asimov is told.
 * Its first run here makes the class-data archive, as a user's first run does.
 */
class LauncherScriptIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "asimov").toAbsolutePath().normalize();
    private static final Path TARGET = LAUNCHER.getParent().resolveSibling("asimov-cli").resolve("target");

    /** --project with no value used to loop for ever in the launcher, before the JVM started. */
    @Test
    void projectWithoutItsValueIsAUsageError(@TempDir Path work) throws Exception {
        Run run = run(work, "--project");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter for option '--project'");
    }

    @Test
    void capturesThroughTheLauncher(@TempDir Path out) throws Exception {
        Run run = run(out, "--project", out.toString(), "env", "capture", "--python", "/usr/bin/python3",
                "--no-system", "--output", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve(EnvironmentFiles.PIP)).isRegularFile();
        assertThat(run.err()).doesNotContain("Exception");
    }

    /**
     * The launcher runs env capture from the capture jar, which lacks the store; an argument that
     * spells a store command (a directory called store) must not make it fail.
     */
    @Test
    void capturesThroughTheLauncherIntoADirectoryNamedLikeACommand(@TempDir Path work) throws Exception {
        Run run = run(work, "env", "capture", "--python", "/usr/bin/python3", "--no-system", "--output", "store");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(work.resolve("store").resolve(EnvironmentFiles.PIP)).isRegularFile();
    }

    /**
     * On a JDK the launcher runs env capture on the trimmed runtime it makes with jlink, which
     * resolves a dozen modules at start-up instead of the JDK's seventy; the --output store case
     * above runs the full jar in it too.
     */
    @Test
    void capturesRunOnTheTrimmedRuntime(@TempDir Path out) throws Exception {
        Run run = run(out, Map.of("ASIMOV_JAVA_OPTS", "-XshowSettings:properties"),
                "env", "capture", "--python", "/usr/bin/python3", "--no-system", "--output", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path runtime = TARGET.resolve("asimov-capture-runtime");
        assertThat(run.err()).contains("java.home = " + runtime);
        assertThat(runtime.resolve("jdk-release")).isRegularFile();
    }

    /**
     * The trimmed runtime must hold every module either jar uses (the capture jar moves runs
     * that also build a store command to the full jar, in the same JVM), as jdeps finds them.
     */
    @Test
    void theTrimmedRuntimeHoldsEveryModuleTheJarsUse() throws Exception {
        Set<String> listed = modules(Files.readString(
                LAUNCHER.getParent().resolveSibling("asimov-cli").resolve("src/main/jlink/capture-runtime-modules")));
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        for (String jar : List.of("asimov-capture.jar", "asimov-all.jar")) {
            Process process = new ProcessBuilder(jdeps.toString(), "--ignore-missing-deps", "--print-module-deps",
                    "--multi-release", "17", TARGET.resolve(jar).toString()).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(printed).isZero();
            assertThat(listed).as(jar + " uses " + printed).containsAll(modules(printed));
        }
    }

    private static Set<String> modules(String commaSeparated) {
        Set<String> modules = new TreeSet<>();
        for (String module : commaSeparated.strip().split(",")) {
            modules.add(module.strip());
        }
        return modules;
    }

    /**
     * Captures started together right after a build (a build hook over many analyses) each make
     * the capture jar's start-up cache; each must still run, and none may leave a stray file.
     */
    @Test
    void capturesStartedTogetherShareTheFirstStartUpCache(@TempDir Path work) throws Exception {
        Path target = TARGET;
        Files.deleteIfExists(target.resolve("asimov-capture-cds.made-by"));
        Files.deleteIfExists(target.resolve("asimov-capture-cds.jsa"));
        List<Thread> threads = new ArrayList<>();
        List<Run> runs = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            Path out = work.resolve("out" + i);
            Thread thread = new Thread(() -> {
                try {
                    runs.add(run(work, "env", "capture", "--python", "/usr/bin/python3", "--no-system", "--output", out.toString()));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(runs).hasSize(3).allSatisfy(run -> assertThat(run.exitCode()).as(run.toString()).isZero());
        for (int i = 0; i < 3; i++) {
            assertThat(work.resolve("out" + i).resolve(EnvironmentFiles.PIP)).isRegularFile();
        }
        assertThat(target.resolve("asimov-capture-cds.jsa")).isRegularFile();
        try (var files = Files.list(target)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("asimov-capture-cds.jsa."));
        }
    }

    private static Run run(Path directory, String... args) throws IOException, InterruptedException {
        return run(directory, Map.of(), args);
    }

    private static Run run(Path directory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return LauncherProcess.run(LAUNCHER, directory, variables -> variables.putAll(environment), args);
    }
}
