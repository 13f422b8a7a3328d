package org.asimov.it;

import static org.asimov.it.LifecycleIT.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.core.environment.EnvironmentFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captured environments as rows, through the real CLI: files go into the store, become rows,
 * and are listed, found, shown, compared and queried. {@link EnvironmentH2IT} runs it on the
 * embedded H2 store, {@link EnvironmentPostgresIT} on an institution-style PostgreSQL.
 */
abstract class AbstractEnvironmentIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EVENT = "GW150914_095045";

    @TempDir
    Path project;

    @TempDir
    Path files;

    Path envA;
    Path envB;
    Path envC;

    /** Points the new project's store at the database under test. */
    abstract void configureStorage(Path project) throws IOException;

    @BeforeEach
    void catalogue() throws IOException {
        assertOk(CliRun.in(project, "init", "Environments"));
        configureStorage(project);
        envA = files.resolve("a");
        envB = files.resolve("b");
        envC = files.resolve("c");
        TestingEnvironmentFiles.write(envA, "3.11.7", "LALSuite==7.11\nnumpy==1.26.4\nscipy==1.11.0\n", null);
        TestingEnvironmentFiles.write(envB, "3.11.8", "gwpy==3.0.8\nlalsuite==7.10\nnumpy==1.26.4\n", null);
        TestingEnvironmentFiles.write(envC, "3.11.7", "lalsuite==7.11\n",
                "# platform: linux-64\nlalsuite=7.11=py311_0\npython=3.11.7=h1_cpython\n");
        put("prod0", envA);
        put("prod1", envB);
        put("prod2", envA);
        put("prod3", envC);
        CliRun.Result recorded = CliRun.in(project, "env", "record");
        assertOk(recorded);
        assertThat(recorded.out()).as(recorded.toString()).contains("recorded " + EVENT + "/prod0 (build): a new environment")
                .contains("recorded " + EVENT + "/prod2 (build): an environment already recorded for another analysis");
    }

    void put(String analysis, Path dir) {
        for (String name : new String[] {EnvironmentFiles.METADATA, EnvironmentFiles.PIP, EnvironmentFiles.CONDA}) {
            if (Files.exists(dir.resolve(name))) {
                assertOk(CliRun.in(project, "store", "put", EVENT, analysis, dir.resolve(name).toString()));
            }
        }
    }

    static JsonNode json(CliRun.Result result) throws IOException {
        assertOk(result);
        return JSON.readTree(result.out());
    }

    @Test
    void recordingAgainChangesNothing() {
        CliRun.Result again = CliRun.in(project, "env", "record", EVENT);
        assertOk(again);
        assertThat(again.out()).contains("already recorded " + EVENT + "/prod0 (build)").doesNotContain("new environment");
    }

    @Test
    void listShowsEachEnvironmentOnceWithItsAnalyses() throws IOException {
        JsonNode list = json(CliRun.in(project, "env", "list", "--json"));
        assertThat(list.path("environments")).hasSize(3);
        assertThat(list.path("environments").get(0).path("analyses").asLong()).isEqualTo(2);
        assertThat(list.path("environments").findValuesAsText("environment_type"))
                .containsExactlyInAnyOrder("virtualenv", "virtualenv", "conda");

        CliRun.Result text = CliRun.in(project, "env", "list");
        assertOk(text);
        assertThat(text.out()).contains("FINGERPRINT").contains("ANALYSES").contains("3 environments");
    }

    @Test
    void findMatchesLikePip() throws IOException {
        JsonNode found = json(CliRun.in(project, "env", "find", "LAL_Suite==7.11", "--json"));
        assertThat(found.path("name").asText()).isEqualTo("lal-suite");
        assertThat(found.path("analyses")).isEmpty();

        found = json(CliRun.in(project, "env", "find", "LALSuite==7.11", "--json"));
        assertThat(found.path("environments").asLong()).isEqualTo(2);
        assertThat(found.path("analyses").findValuesAsText("analysis")).containsExactly("prod0", "prod2", "prod3", "prod3");

        CliRun.Result text = CliRun.in(project, "env", "find", "lalsuite");
        assertOk(text);
        assertThat(text.out()).contains("lalsuite: 4 analyses in 3 environments");
        assertThat(CliRun.in(project, "env", "find", "nothing-like-it").out()).contains("No recorded environment has nothing-like-it");
    }

    @Test
    void showPrintsTheInterpreterThePackagesAndWhoSharesThem() throws IOException {
        CliRun.Result text = CliRun.in(project, "env", "show", EVENT, "prod0");
        assertOk(text);
        assertThat(text.out()).contains(EVENT + "/prod0 (build capture, 2024-03-01T10:15:30Z)")
                .contains("virtualenv, Python 3.11.7 (cpython, linux-x86_64)")
                .contains("1 other analysis").contains("3 pip").containsPattern("LALSuite +7\\.11");

        JsonNode conda = json(CliRun.in(project, "env", "show", EVENT, "prod3", "--json"));
        assertThat(conda.path("environment_type").asText()).isEqualTo("conda");
        assertThat(conda.path("packages").findValuesAsText("manager")).containsExactly("pip", "conda", "conda");
        assertThat(conda.path("shared_with").asLong()).isZero();
    }

    @Test
    void diffComparesStoredAnalysesAndDirectoriesAndExitsLikeDiff() throws IOException {
        CliRun.Result different = CliRun.in(project, "env", "diff", EVENT + "/prod0", EVENT + "/prod1");
        assertThat(different.exitCode()).as(different.toString()).isEqualTo(1);
        assertThat(different.out()).contains("--- " + EVENT + "/prod0").contains("+++ " + EVENT + "/prod1")
                .containsPattern("python_version +3\\.11\\.7 -> 3\\.11\\.8")
                .contains("pip: 1 added, 1 removed, 1 changed")
                .containsPattern("\\+ gwpy +3\\.0\\.8").containsPattern("- scipy +1\\.11\\.0")
                .containsPattern("~ lalsuite +7\\.11 -> 7\\.10");

        CliRun.Result same = CliRun.in(project, "env", "diff", EVENT + "/prod0@build", envA.toString());
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).contains("identical");

        CliRun.Result json = CliRun.in(project, "env", "diff", EVENT + "/prod0", EVENT + "/prod3", "--json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode tree = JSON.readTree(json.out());
        assertThat(tree.path("identical").asBoolean()).isFalse();
        assertThat(tree.at("/packages/conda/added").findValuesAsText("name")).containsExactly("lalsuite", "python");
        assertThat(tree.at("/interpreter/0/field").asText()).isEqualTo("environment_type");
    }

    @Test
    void queryPrintsTablesCsvAndJson() throws IOException {
        String sql = "SELECT DISTINCT event, analysis FROM asimov_analysis_packages"
                + " WHERE name = 'lalsuite' AND version = '7.11' ORDER BY analysis";
        CliRun.Result table = CliRun.in(project, "query", sql);
        assertOk(table);
        assertThat(table.out()).contains("event").contains("prod3").contains("(3 rows)");

        CliRun.Result csv = CliRun.in(project, "query", sql, "--format", "csv");
        assertOk(csv);
        assertThat(csv.out()).isEqualTo("event,analysis\n" + EVENT + ",prod0\n" + EVENT + ",prod2\n" + EVENT + ",prod3\n");

        JsonNode json = json(CliRun.in(project, "query", "SELECT fingerprint, analyses FROM asimov_environments"
                + " ORDER BY analyses DESC, fingerprint", "--format", "json"));
        assertThat(json.path("columns").toString()).isEqualTo("[\"fingerprint\",\"analyses\"]");
        assertThat(json.at("/rows/0/1").asLong()).isEqualTo(2);
    }

    @Test
    void everyExampleQueryRuns() throws IOException {
        Path queries = Path.of("").toAbsolutePath().getParent().resolve("db/queries");
        try (var listing = Files.list(queries)) {
            for (Path query : listing.filter(f -> f.toString().endsWith(".sql")).toList()) {
                CliRun.Result result = CliRun.in(project, "query", "--file", query.toString(), "--format", "json");
                assertOk(result);
                assertThat(JSON.readTree(result.out()).path("columns").size()).as(query.toString()).isPositive();
            }
        }
        CliRun.Result shared = CliRun.in(project, "query", "--file", queries.resolve("analyses-sharing-an-environment.sql").toString());
        assertThat(shared.out()).contains("prod2").doesNotContain("prod1");
    }

    @Test
    void writesAndNonsenseAreClearErrorsThatChangeNothing() throws IOException {
        CliRun.Result delete = CliRun.in(project, "query", "DELETE FROM analysis_environments");
        assertThat(delete.exitCode()).isEqualTo(3);
        assertThat(delete.err()).contains("queries are read-only").contains("nothing was changed");
        CliRun.Result drop = CliRun.in(project, "query", "DROP TABLE environments");
        assertThat(drop.exitCode()).isEqualTo(3);
        assertThat(json(CliRun.in(project, "env", "list", "--json")).path("environments")).hasSize(3);

        CliRun.Result bad = CliRun.in(project, "query", "SELEC 1");
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains("the query failed");

        CliRun.Result unknown = CliRun.in(project, "env", "show", EVENT, "nope");
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(unknown.err()).contains("nothing is stored for " + EVENT + "/nope");

        CliRun.Result neither = CliRun.in(project, "env", "diff", "no/such/dir", EVENT + "/prod0");
        assertThat(neither.exitCode()).isEqualTo(4);
        assertThat(neither.err()).contains("neither a directory");

        CliRun.Result spec = CliRun.in(project, "env", "find", "==7.11");
        assertThat(spec.exitCode()).isEqualTo(2);
        assertThat(spec.err()).contains("NAME==VERSION");

        CliRun.Result phase = CliRun.in(project, "env", "show", EVENT, "prod0", "--phase", "later");
        assertThat(phase.exitCode()).isEqualTo(3);
        assertThat(phase.err()).contains("'build' or 'run'");
    }

    @Test
    void diffOfTwoDirectoriesNeedsNoProjectAndNoStore() {
        // no --project, and no project above the working directory: opening the store would fail
        CliRun.Result result = CliRun.run("env", "diff", envA.toString(), envB.toString(), "--json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("\"identical\" : false");
    }
}
