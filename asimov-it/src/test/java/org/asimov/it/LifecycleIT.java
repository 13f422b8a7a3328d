package org.asimov.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole life of analyses through the real CLI, in a real virtual environment. */
class LifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path venv;

    @TempDir
    Path project;

    @BeforeAll
    static void makeVenv() throws IOException {
        venv = TestingPython.venv(shared.resolve("venv"));
        TestingPython.pipInstall(venv, TestingPython.project(shared.resolve("demo"), "demo-pkg", "1.0").toString());
    }

    @Test
    void buildSubmitMonitorUploadAndFetch() throws Exception {
        assertOk(CliRun.in(project, "init", "My project"));
        assertThat(project.resolve(".asimov/asimov.conf")).isRegularFile();
        assertThat(project.resolve(".asimov/ledger.yml")).isRegularFile();
        assertThat(project.resolve("working")).isDirectory();
        assertThat(project.resolve("results")).isDirectory();

        Path blueprint = project.resolve("blueprint.yaml");
        Files.writeString(blueprint, """
                kind: event
                name: GW150914_095045
                ---
                kind: analysis
                name: prod0
                event: GW150914_095045
                pipeline: local
                environment: %1$s
                command: python -c "import os; os.makedirs('results/deep', exist_ok=True); open('results/posterior.dat','w').write('42\\n'); open('results/deep/samples.h5','w').write('x')"
                ---
                kind: analysis
                name: prod1
                event: GW150914_095045
                pipeline: local
                environment: %1$s
                needs: [prod0]
                command: echo done > results.txt
                outputs: [results.txt]
                ---
                kind: analysis
                name: broken
                event: GW150914_095045
                pipeline: local
                environment: %1$s
                command: echo failing >&2; exit 3
                """.formatted(venv));
        assertOk(CliRun.in(project, "apply", "-f", blueprint.toString()));

        Path ledger = project.resolve(".asimov/ledger.yml");
        String beforeDryRun = Files.readString(ledger);
        CliRun.Result dry = CliRun.in(project, "manage", "build", "--dryrun");
        assertOk(dry);
        assertThat(dry.out()).contains("dry-run GW150914_095045/prod0: would capture");
        assertThat(Files.readString(ledger)).isEqualTo(beforeDryRun);
        assertThat(project.resolve("working/GW150914_095045/prod0")).doesNotExist();

        CliRun.Result build = CliRun.in(project, "manage", "build");
        assertOk(build);
        assertThat(build.out()).contains("skip    GW150914_095045/prod1: waiting: it needs 'prod0', which is ready");
        Path run0 = project.resolve("working/GW150914_095045/prod0");
        JsonNode environment = JSON.readTree(run0.resolve("environment.json").toFile());
        assertThat(environment.path("environment_type").asText()).isEqualTo("virtualenv");
        assertThat(environment.path("python_executable").asText()).startsWith(venv.toString());
        assertThat(environment.path("python_version").asText()).startsWith("3.");
        assertThat(Files.readString(run0.resolve("environment-pip.txt"))).contains("demo-pkg");
        assertThat(run0.resolve("environment-conda.txt")).doesNotExist();
        assertThat(Files.readString(run0.resolve("environment-system.txt"))).startsWith("# " + osPrettyName() + "\n")
                .contains("\ndpkg:libc6=");
        assertThat(environment.at("/system/libc/name").asText()).isEqualTo("glibc");
        JsonNode meta = status(project).at("/events/0/analyses/0/environment");
        assertThat(meta.path("captured_at").asBoolean()).isTrue();
        assertThat(meta.at("/files/metadata").asText()).isEqualTo(run0.resolve("environment.json").toString());
        assertThat(meta.at("/files/pip").asText()).isEqualTo(run0.resolve("environment-pip.txt").toString());
        assertThat(meta.at("/files/system").asText()).isEqualTo(run0.resolve("environment-system.txt").toString());

        assertOk(CliRun.in(project, "manage", "submit"));
        monitorUntilSettled(project, "prod0", "broken");
        assertThat(statusOf(project, "prod0")).isEqualTo("uploaded");
        assertThat(statusOf(project, "broken")).isEqualTo("stuck");

        assertOk(CliRun.in(project, "manage", "build"));
        assertOk(CliRun.in(project, "manage", "submit"));
        monitorUntilSettled(project, "prod1");
        assertThat(statusOf(project, "prod1")).isEqualTo("uploaded");

        CliRun.Result listing = CliRun.in(project, "production", "results", "GW150914_095045", "prod0", "--json");
        assertOk(listing);
        assertThat(JSON.readTree(listing.out()).findValuesAsText("name")).containsExactlyInAnyOrder(
                "environment-pip.txt", "environment-system.txt", "environment.json", "posterior.dat", "samples.h5",
                "run-environment.json", "run-environment-pip.txt", "run-environment-system.txt");
        Path fetched = project.resolve("fetched-pip.txt");
        assertOk(CliRun.in(project, "production", "results", "GW150914_095045", "prod0",
                "--file", "environment-pip.txt", "--output", fetched.toString()));
        assertThat(Files.readString(fetched)).isEqualTo(Files.readString(run0.resolve("environment-pip.txt")));

        // prod1 ran in the same environment: the same content is stored again, under its own name
        CliRun.Result prod1 = CliRun.in(project, "production", "results", "GW150914_095045", "prod1", "--json");
        assertThat(JSON.readTree(prod1.out()).findValuesAsText("name"))
                .containsExactlyInAnyOrder("environment-pip.txt", "environment-system.txt", "environment.json", "results.txt",
                        "run-environment.json", "run-environment-pip.txt", "run-environment-system.txt");
        assertThat(status(project).at("/events/0/analyses/0/environment/drift").asBoolean(true)).isFalse();

        CliRun.Result report = CliRun.in(project, "report", "status");
        assertOk(report);
        assertThat(report.out()).contains("prod0").contains("uploaded").contains("stuck").contains("virtualenv");
    }

    @Test
    void aSharedEnvironmentIsCapturedOncePerBuild() throws Exception {
        assertOk(CliRun.in(project, "init", "shared"));
        StringBuilder blueprint = new StringBuilder("kind: event\nname: E\n");
        for (int i = 0; i < 5; i++) {
            blueprint.append("---\nkind: analysis\nname: a").append(i).append("\nevent: E\npipeline: local\nenvironment: ")
                    .append(venv).append("\ncommand: 'true'\n");
        }
        Files.writeString(project.resolve("b.yaml"), blueprint);
        assertOk(CliRun.in(project, "apply", "-f", project.resolve("b.yaml").toString()));
        assertOk(CliRun.in(project, "manage", "build"));
        JsonNode first = JSON.readTree(project.resolve("working/E/a0/environment.json").toFile());
        for (int i = 1; i < 5; i++) {
            JsonNode other = JSON.readTree(project.resolve("working/E/a" + i + "/environment.json").toFile());
            // one capture: the same timestamp in every run directory
            assertThat(other.path("timestamp").asText()).isEqualTo(first.path("timestamp").asText());
            assertThat(other.at("/fingerprint/value").asText()).isEqualTo(first.at("/fingerprint/value").asText());
        }
    }

    @Test
    void aPackageInstalledBetweenBuildAndRunIsDrift() throws Exception {
        Path own = TestingPython.venv(project.resolve("own-venv"));
        assertOk(CliRun.in(project, "init", "drift"));
        Files.writeString(project.resolve("b.yaml"), "kind: event\nname: E\n---\nkind: analysis\nname: a\nevent: E\n"
                + "pipeline: local\nenvironment: " + own + "\ncommand: 'true'\noutputs: []\n");
        assertOk(CliRun.in(project, "apply", "-f", project.resolve("b.yaml").toString()));
        assertOk(CliRun.in(project, "manage", "build"));
        assertThat(Files.readString(project.resolve("working/E/a/environment-pip.txt"))).doesNotContain("demo-pkg");

        TestingPython.pipInstall(own, shared.resolve("demo").toString());
        CliRun.Result submit = CliRun.in(project, "manage", "submit");
        assertOk(submit);
        assertThat(submit.out()).contains("its environment changed since it was built (drift");
        assertThat(Files.readString(project.resolve("working/E/a/run-environment/environment-pip.txt"))).contains("demo-pkg");
        // the run capture has its system part too; the OS did not change, so neither did its packages
        assertThat(project.resolve("working/E/a/run-environment/environment-system.txt"))
                .hasSameTextualContentAs(project.resolve("working/E/a/environment-system.txt"));
        JsonNode environment = status(project).at("/events/0/analyses/0/environment");
        assertThat(environment.path("drift").asBoolean()).isTrue();
        assertThat(environment.at("/run/fingerprint").asText()).isNotEqualTo(environment.path("fingerprint").asText());
        assertThat(CliRun.in(project, "report", "status").out()).contains("DRIFT");

        monitorUntilSettled(project, "a");
        CliRun.Result diff = CliRun.in(project, "env", "diff", "E/a@build", "E/a@run");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.out()).contains("demo-pkg").doesNotContain("dpkg:");
    }

    static String osPrettyName() throws IOException {
        return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst().orElseThrow();
    }

    static void assertOk(CliRun.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    static JsonNode status(Path project) throws IOException {
        CliRun.Result result = CliRun.in(project, "report", "status", "--json");
        assertOk(result);
        return JSON.readTree(result.out());
    }

    static String statusOf(Path project, String analysis) throws IOException {
        for (JsonNode event : status(project).path("events")) {
            for (JsonNode node : event.path("analyses")) {
                if (node.path("name").asText().equals(analysis)) {
                    return node.path("status").asText();
                }
            }
        }
        throw new AssertionError("no analysis " + analysis);
    }

    static void monitorUntilSettled(Path project, String... analyses) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            CliRun.in(project, "monitor");
            boolean settled = true;
            for (String analysis : analyses) {
                String status = statusOf(project, analysis);
                settled &= status.equals("uploaded") || status.equals("stuck");
            }
            if (settled) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("analyses did not settle: " + status(project));
    }
}
