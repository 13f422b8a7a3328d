package org.asimov.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job: a demo project through its whole life, with the Python on PATH. */
class QuickstartIT {
    @TempDir
    Path dir;

    @Test
    void runsTheWholeLifeAndReadsTheEnvironmentBackFromTheStore() throws Exception {
        Path project = dir.resolve("demo");
        CliRun.Result result = CliRun.run("quickstart", project.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("$ asimov init", "$ asimov manage build", "$ asimov monitor",
                "From the results store, GW150914_095045/prod0 ran with:", "environment type");
        assertThat(LifecycleIT.statusOf(project, "prod0")).isEqualTo("uploaded");
        assertThat(LifecycleIT.statusOf(project, "prod1")).isEqualTo("uploaded");
        assertThat(Files.readString(project.resolve("fetched-environment.json"))).contains("\"python_version\"");
    }

    @Test
    void refusesADirectoryThatIsNotEmpty() throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        CliRun.Result result = CliRun.run("quickstart", dir.toString());
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("is not empty");
        assertThat(dir.resolve("precious.txt")).hasContent("keep me");
    }
}
