package org.asimov.store;

import static org.asimov.store.TestingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * The store suite on a real PostgreSQL, in schema {@code asimov} of a database that also holds
 * another schema the store's user has no rights on.
 */
class PostgresStoreTest extends AbstractStoreTest {
    private Path settingsRoot;
    private String jdbcUrl;

    @Override
    StoreSettings settings(Path root) {
        if (!root.equals(settingsRoot)) {
            settingsRoot = root;
            jdbcUrl = TestingPostgres.newDatabase();
        }
        return new StoreSettings(root, jdbcUrl, TestingPostgres.USER, TestingPostgres.PASSWORD, null);
    }

    @Test
    void tablesLiveInSchemaAsimovAndTheOtherSchemaIsUntouched() throws SQLException {
        store.put(EVENT, "prod0", "a.txt", write(dir.resolve("a.txt"), "alpha"));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestingPostgres.USER, TestingPostgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT event, analysis, name FROM asimov.manifest")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("name")).isEqualTo("a.txt");
            }
            try (ResultSet tables = statement.executeQuery(
                    "SELECT schemaname, tablename FROM pg_catalog.pg_tables WHERE schemaname NOT IN"
                            + " ('pg_catalog', 'information_schema') ORDER BY 1, 2")) {
                StringBuilder seen = new StringBuilder();
                while (tables.next()) {
                    seen.append(tables.getString(1)).append('.').append(tables.getString(2)).append(' ');
                }
                assertThat(seen.toString().trim().split(" "))
                        .containsExactlyInAnyOrder("asimov.flyway_schema_history", "asimov.manifest", "other.grants",
                                "asimov.environments", "asimov.environment_packages", "asimov.analysis_environments");
            }
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM other.grants"))
                    .as("the store's user has no rights outside its schema").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void anUnreachableDatabaseIsADatabaseErrorThatSaysWhatToCheck() {
        // The embedded server trusts local connections, so a wrong password would pass; a
        // database that does not exist fails the same way at connection time.
        StoreSettings wrong = new StoreSettings(dir.resolve("elsewhere"), TestingPostgres.url("no_such_database"),
                TestingPostgres.USER, TestingPostgres.PASSWORD, null);
        assertThatThrownBy(() -> Store.open(wrong))
                .isInstanceOfSatisfying(org.asimov.core.error.AsimovException.class,
                        e -> assertThat(e.kind()).isEqualTo(org.asimov.core.error.ErrorKind.DATABASE))
                .hasMessageContaining("no_such_database")
                .hasMessageContaining("check the [storage] database URL, user and password")
                .hasMessageNotContaining(TestingPostgres.PASSWORD);
    }
}
