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

    /**
     * The launcher finds its checkout from the path it was started by: by expansion for an
     * absolute path through bin, by cd and pwd for one through '..' (and a relative one).
     */
    @Test
    void theLauncherFindsItsCheckoutByAPathThroughDotDot(@TempDir Path work) throws Exception {
        Path throughDotDot = LAUNCHER.getParent().resolve("..").resolve("bin").resolve("asimov");
        for (Path launcher : List.of(LAUNCHER, throughDotDot)) {
            Run run = LauncherProcess.run(launcher, work, variables -> { }, "--version");
            assertThat(run.exitCode()).as(launcher + ": " + run).isZero();
            assertThat(run.out()).as(launcher.toString()).startsWith("asimov (Java) ").contains("Java ");
        }
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
     * The launcher starts env capture's interpreter probe before the JVM, for the targets it
     * names as asimov does (see LaunchedProbe), and asimov takes its answer instead of running
     * the interpreter again: the one run of it is the launcher's (its parent a shell, not java).
     */
    @Test
    void theLauncherStartsTheProbeOfTheTargetsItNames(@TempDir Path work) throws Exception {
        Path log = work.resolve("probes.log");
        Path venv = work.resolve("venv");
        Path python = loggingPython(venv.resolve("bin").resolve("python"), log);

        Run given = run(work, "env", "capture", "--python", python.toString(), "--no-system", "--output", "given");
        Run prefix = run(work, "env", "capture", "--prefix", "venv", "--no-system", "--output", "prefix");
        Run active = run(work, Map.of("VIRTUAL_ENV", venv.toString()), "env", "capture", "--no-system", "--output", "active");

        for (Run run : List.of(given, prefix, active)) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        assertThat(Files.readAllLines(log)).as("the parent of each run of the interpreter").hasSize(3)
                .doesNotContain("java");
        for (String output : List.of("given", "prefix", "active")) {
            assertThat(Files.readString(work.resolve(output).resolve(EnvironmentFiles.PIP)))
                    .isEqualTo(Files.readString(work.resolve("given").resolve(EnvironmentFiles.PIP)));
        }
    }

    /** A target it does not name as asimov would (a path through '..'): asimov runs the probe itself. */
    @Test
    void aTargetTheLauncherDoesNotNameIsProbedByAsimov(@TempDir Path work) throws Exception {
        Path log = work.resolve("probes.log");
        loggingPython(work.resolve("venv").resolve("bin").resolve("python"), log);

        Run run = run(work, "env", "capture", "--python", "venv/../venv/bin/python", "--no-system", "--output", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readAllLines(log)).containsExactly("java");
        assertThat(work.resolve("out").resolve(EnvironmentFiles.PIP)).isRegularFile();
    }

    /** A python that writes the name of the process that started it to log, then runs Debian's. */
    private static Path loggingPython(Path python, Path log) throws IOException {
        Files.createDirectories(python.getParent());
        Files.writeString(python, "#!/bin/sh\ncat /proc/$PPID/comm >> '" + log + "'\nexec /usr/bin/python3 \"$@\"\n");
        assertThat(python.toFile().setExecutable(true)).isTrue();
        return python;
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
