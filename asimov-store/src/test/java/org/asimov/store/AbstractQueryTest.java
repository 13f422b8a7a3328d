package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.query.QueryResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code asimov query}'s service and the documented example queries, on every database behind
 * the store: answers come back, and nothing that writes gets through.
 */
abstract class AbstractQueryTest extends EnvironmentStoreFixture {
    @BeforeEach
    void recordCatalogue() {
        EnvironmentFiles.Written first = TestingEnvironments.virtualenv(dir.resolve("e1"), TestingEnvironments.PYTHON_311,
                "LALSuite==7.11\nnumpy==1.26.4\nscipy==1.11.0\n");
        EnvironmentFiles.Written second = TestingEnvironments.virtualenv(dir.resolve("e2"), TestingEnvironments.python("3.11.8"),
                "gwpy==3.0.8\nlalsuite==7.10\nnumpy==1.26.4\n");
        EnvironmentFiles.Written conda = TestingEnvironments.conda(dir.resolve("e3"), TestingEnvironments.PYTHON_311,
                "lalsuite==7.11\n", "# platform: linux-64\nlalsuite=7.11=py311_0\npython=3.11.7=h1_cpython\n");
        record("prod0", first);
        record("prod1", second);
        record("prod2", first);
        record("prod3", conda);
    }

    List<List<Object>> rows(String sql) {
        return store.sql().run(sql).rows();
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void theViewsAnswer() {
        QueryResult environments = store.sql().run(
                "SELECT environment_type, python_version, analyses FROM asimov_environments ORDER BY analyses DESC, python_version, environment_type");
        assertThat(environments.columns()).containsExactly("environment_type", "python_version", "analyses");
        assertThat(environments.rows()).containsExactly(row("virtualenv", "3.11.7", 2L), row("conda", "3.11.7", 1L),
                row("virtualenv", "3.11.8", 1L));
        assertThat(rows("SELECT manager, name, version FROM asimov_analysis_packages"
                + " WHERE event = 'GW150914_095045' AND analysis = 'prod3' ORDER BY manager, name"))
                .containsExactly(row("conda", "lalsuite", "7.11"), row("conda", "python", "3.11.7"), row("pip", "lalsuite", "7.11"));
    }

    @Test
    void theExampleQueriesRunAndGiveTheExpectedAnswers() {
        Map<String, String> examples = ExampleQueries.all();
        assertThat(examples).containsOnlyKeys("analyses-with-lalsuite-7.11", "analyses-sharing-an-environment",
                "distinct-environments", "environments-by-python", "packages-differing-between-two-analyses");

        assertThat(rows(examples.get("analyses-with-lalsuite-7.11")))
                .containsExactly(row(EVENT, "prod0", "build"), row(EVENT, "prod2", "build"), row(EVENT, "prod3", "build"));
        assertThat(rows(examples.get("analyses-sharing-an-environment"))).containsExactly(row(EVENT, "prod2", "build"));
        assertThat(rows(examples.get("distinct-environments"))).containsExactly(row(3L, 4L));
        assertThat(rows(examples.get("environments-by-python"))).containsExactly(
                row("virtualenv", "3.11.7", 1L, 2L), row("conda", "3.11.7", 1L, 1L), row("virtualenv", "3.11.8", 1L, 1L));
        assertThat(rows(examples.get("packages-differing-between-two-analyses"))).containsExactly(
                row("pip", "gwpy", null, "3.0.8"), row("pip", "lalsuite", "7.11", "7.10"), row("pip", "scipy", "1.11.0", null));
    }

    @Test
    void timesComeBackAsIsoInstants() {
        assertThat(rows("SELECT captured_at FROM analysis_environments WHERE analysis = 'prod0'"))
                .containsExactly(row("2024-03-01T10:15:30.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO manifest (event, analysis, name, sha256, size_bytes, stored_at)"
                    + " VALUES ('e', 'a', 'n', 'x', 1, CURRENT_TIMESTAMP)",
            "UPDATE environments SET python_version = '2.7'",
            "DELETE FROM analysis_environments",
            "DELETE FROM manifest",
            "DROP TABLE environment_packages",
            "DROP VIEW asimov_environments",
            "CREATE TABLE mine (id INTEGER)",
            "CREATE VIEW mine AS SELECT 1 AS one",
            "ALTER TABLE environments ADD COLUMN extra VARCHAR(10)",
            "TRUNCATE TABLE analysis_environments",
            "CREATE INDEX mine_idx ON environments (platform)",
            "SELECT 1; DELETE FROM manifest",
            "COMMIT; DELETE FROM manifest",
    })
    void nothingThatWritesGetsThroughAndNothingChanges(String write) throws SQLException {
        assertRefusedAndNothingChanged(write);
    }

    void assertRefusedAndNothingChanged(String write) throws SQLException {
        Map<String, Long> before = counts();

        assertThatThrownBy(() -> store.sql().run(write))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT))
                .message().satisfiesAnyOf(
                        m -> assertThat(m).contains("queries are read-only"),
                        m -> assertThat(m).contains("one SQL statement at a time"));

        assertThat(counts()).isEqualTo(before);
        assertThat(rows("SELECT python_version FROM environments ORDER BY 1")).containsExactly(
                row("3.11.7"), row("3.11.7"), row("3.11.8"));
        assertThat(store.environments().show(EVENT, "prod0", CapturePhase.BUILD).environment().packages()).hasSize(3);
    }

    @Test
    void badSqlSaysWhatTheDatabaseSaid() {
        assertThatThrownBy(() -> store.sql().run("SELEC nothing"))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT))
                .hasMessageContaining("the query failed");
        assertThatThrownBy(() -> store.sql().run("SELECT * FROM no_such_table"))
                .hasMessageContaining("no_such_table");
        assertThatThrownBy(() -> store.sql().run("  ")).hasMessageContaining("empty");
    }

    private Map<String, Long> counts() throws SQLException {
        return Map.of("manifest", count("manifest"), "environments", count("environments"),
                "environment_packages", count("environment_packages"), "analysis_environments", count("analysis_environments"));
    }

}
