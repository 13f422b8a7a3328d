package org.asimov.it;

import static org.asimov.it.LifecycleIT.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environments as rows through the CLI, on the default embedded H2 store. */
class EnvironmentH2IT extends AbstractEnvironmentIT {
    @TempDir
    Path python;

    @Override
    void configureStorage(Path project) {
        // the default configuration is the embedded H2 database in results/
    }

    @Test
    void everyNewCommandHasHelp() {
        for (String command : new String[] {"env list", "env find", "env show", "env diff", "env record", "query"}) {
            CliRun.Result result = CliRun.run((command + " --help").split(" "));
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).startsWith("Usage: asimov " + command);
        }
    }

    /** The real life: build captures a real venv, monitor uploads, and the upload records the rows. */
    @Test
    void uploadedAnalysesHaveTheirEnvironmentRecorded() throws Exception {
        Path venv = TestingPython.venv(python.resolve("venv"));
        TestingPython.pipInstall(venv, TestingPython.project(python.resolve("demo"), "Demo_Pkg", "2.5").toString());
        StringBuilder blueprint = new StringBuilder("kind: event\nname: GW200129\n");
        for (String name : new String[] {"pe0", "pe1"}) {
            blueprint.append("---\nkind: analysis\nname: ").append(name).append("\nevent: GW200129\npipeline: local\n")
                    .append("environment: ").append(venv).append("\ncommand: 'true'\n");
        }
        Files.writeString(project.resolve("b.yaml"), blueprint);
        assertOk(CliRun.in(project, "apply", "-f", project.resolve("b.yaml").toString()));
        assertOk(CliRun.in(project, "manage", "build"));
        assertOk(CliRun.in(project, "manage", "submit"));
        LifecycleIT.monitorUntilSettled(project, "pe0", "pe1");

        // Installed from a local directory, pip freeze writes 'Demo-Pkg @ file:///...', which
        // names no version: the rows hold what the files say, so the name is what finds it.
        JsonNode found = json(CliRun.in(project, "env", "find", "demo_pkg", "--json"));
        // captured at build and again as each analysis started (the run phase): one environment
        assertThat(found.path("analyses").findValuesAsText("analysis"))
                .as(CliRun.in(project, "env", "list").toString())
                .containsExactly("pe0", "pe0", "pe1", "pe1");
        assertThat(found.path("analyses").findValuesAsText("phase")).containsExactly("build", "run", "build", "run");
        assertThat(found.path("environments").asLong()).isEqualTo(1);
        JsonNode listed = json(CliRun.in(project, "env", "list", "--json"));
        assertThat(listed.path("environments").findValuesAsText("analyses")).contains("2");
        JsonNode shown = json(CliRun.in(project, "env", "show", "GW200129", "pe0", "--json"));
        assertThat(shown.path("environment_type").asText()).isEqualTo("virtualenv");
        assertThat(shown.path("shared_with").asLong()).isEqualTo(1);
        assertThat(CliRun.in(project, "env", "diff", "GW200129/pe0", "GW200129/pe1").exitCode()).isZero();
    }
}
