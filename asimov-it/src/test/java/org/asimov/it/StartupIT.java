package org.asimov.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands that do not touch the store must not pay for booting Hibernate. */
class StartupIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "manage build --help", "store --help", "env export --help"})
    void helpAndVersionLoadNoHibernate(String args) throws Exception {
        String output = runJvm(List.of(args.split(" ")));
        assertThat(output).doesNotContain("org.hibernate").doesNotContain("org.flywaydb").doesNotContain("org.cyclonedx")
                .doesNotContain("org.sqlite");
    }

    @Test
    void exportOfADirectoryLoadsNoHibernateAndCycloneDxOnlyForCycloneDx() throws Exception {
        TestingEnvironmentFiles.write(dir, "3.11.7", "numpy==1.26.4\n", null);
        String requirements = runJvm(List.of("env", "export", dir.toString(), "--format", "requirements"));
        assertThat(requirements).contains("numpy==1.26.4").doesNotContain("org.hibernate").doesNotContain("org.cyclonedx");
        String bom = runJvm(List.of("env", "export", dir.toString(), "--format", "cyclonedx"));
        assertThat(bom).contains("org.cyclonedx").contains("pkg:pypi/numpy@1.26.4").doesNotContain("org.hibernate");
    }

    @Test
    void envCaptureLoadsNoHibernate() throws Exception {
        String output = runJvm(List.of("env", "capture", "--python", "python3", "--output", dir.toString()));
        assertThat(output).contains("Captured").doesNotContain("org.hibernate").doesNotContain("org.flywaydb");
        // the SQLite driver is for rpm's database only; this Debian machine has none
        assertThat(output).doesNotContain("org.sqlite");
        assertThat(dir.resolve("environment.json")).isRegularFile();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"init", "apply", "manage build", "manage submit", "monitor", "report status",
                "production results", "env capture", "env export", "store put", "store list", "store fetch", "quickstart"}) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            CliRun.Result result = CliRun.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).startsWith("Usage: asimov " + command);
        }
    }

    /** Runs the CLI in a fresh JVM that logs every class it loads. */
    private static String runJvm(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), "org.asimov.cli.Main"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output.lines().filter(l -> !l.startsWith("[")).toList().toString()).isZero();
        return output;
    }
}
