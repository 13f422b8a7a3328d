package org.asimov.store;

import java.nio.file.Path;

/**
 * Environments as rows on a real PostgreSQL, as an institution runs it: schema {@code asimov}
 * in a database that holds another schema, with a user that has rights on nothing else.
 */
class PostgresEnvironmentStoreTest extends AbstractEnvironmentStoreTest {
    @Override
    StoreSettings settings(Path root) {
        return new StoreSettings(root, TestingPostgres.newDatabase(), TestingPostgres.USER, TestingPostgres.PASSWORD, null);
    }
}
