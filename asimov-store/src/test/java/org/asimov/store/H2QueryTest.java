package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Read-only queries on the embedded H2 database, through its SELECT-only reader user. */
class H2QueryTest extends AbstractQueryTest {
    @Override
    StoreSettings settings(Path root) {
        return StoreSettings.h2(root);
    }

    @Test
    void theFileSystemIsOutOfReach() {
        Path target = dir.resolve("leak.csv");
        assertThatThrownBy(() -> store.sql().run("CALL CSVWRITE('" + target + "', 'SELECT * FROM manifest')"))
                .hasMessageContaining("queries are read-only");
        assertThatThrownBy(() -> store.sql().run("SCRIPT TO '" + target + "'"))
                .hasMessageContaining("queries are read-only");
        assertThat(target).doesNotExist();
    }
}
