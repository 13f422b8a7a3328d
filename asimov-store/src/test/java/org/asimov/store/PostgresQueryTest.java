package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Read-only queries on PostgreSQL, with the store's own user in a read-only transaction. */
class PostgresQueryTest extends AbstractQueryTest {
    @Override
    StoreSettings settings(Path root) {
        return new StoreSettings(root, TestingPostgres.newDatabase(), TestingPostgres.USER, TestingPostgres.PASSWORD, null);
    }

    @Test
    void otherSchemasOfTheInstitutionStayOutOfReach() {
        assertThatThrownBy(() -> store.sql().run("SELECT * FROM other.grants"))
                .hasMessageContaining("may not read that");
    }

    @Test
    void aCommitCannotEndTheReadOnlyTransactionAndReopenAWritableOne() throws java.sql.SQLException {
        assertRefusedAndNothingChanged("COMMIT; SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; DROP TABLE manifest");
        // On its own a SET changes nothing stored, and dies with its connection: the next query is read-only again.
        store.sql().run("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
        assertRefusedAndNothingChanged("DELETE FROM manifest");
        assertThatThrownBy(() -> store.sql().run("SET transaction_read_only = off"))
                .hasMessageContaining("read-write mode must be set before any query");
    }

    @Test
    void sequencesCannotBeAdvanced() {
        assertThatThrownBy(() -> store.sql().run("SELECT nextval(pg_get_serial_sequence('asimov.environments', 'id'))"))
                .hasMessageContaining("queries are read-only");
    }
}
