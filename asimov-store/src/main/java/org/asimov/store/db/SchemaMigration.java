package org.asimov.store.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.store.StoreSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store's schema up to date with Flyway, from the migrations the {@code db} module
 * packages as {@code classpath:db/migration}. The same migrations serve H2 and PostgreSQL.
 */
final class SchemaMigration {
    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

    static final String LOCATION = "classpath:db/migration";

    private SchemaMigration() {
    }

    static void migrate(DataSource dataSource, StoreSettings settings) {
        if (isUpToDate(dataSource, settings)) {
            return;
        }
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .schemas(settings.schema())
                .defaultSchema(settings.schema())
                .createSchemas(true)
                .failOnMissingLocations(true)
                .load();
        try {
            // Concurrent migrations: Flyway takes an advisory lock on PostgreSQL; on H2 the caller
            // holds the store's OpenLock.
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                log.info("migrated the store's schema '{}' to version {} ({} migrations)", settings.schema(),
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new AsimovException(ErrorKind.DATABASE, "could not bring the store's database schema '"
                    + settings.schema() + "' up to date: " + e.getMessage(), e);
        }
    }

    /**
     * Whether every packaged migration is already applied, checked with one query and without
     * Flyway: loading Flyway costs about 300 ms, paid by every CLI command that opens the
     * store. Anything unusual (no history table, a failed migration, migrations that cannot
     * be listed) answers false, and Flyway then does its full work.
     */
    static boolean isUpToDate(DataSource dataSource, StoreSettings settings) {
        Optional<Set<String>> packaged = PackagedMigrations.versions(SchemaMigration.class.getClassLoader());
        if (packaged.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM \"" + settings.schema()
                        + "\".\"flyway_schema_history\" WHERE version IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(rows.getString(1));
            }
            connection.rollback();
        } catch (SQLException e) {
            return false; // a new store: no schema or history table yet
        }
        return applied.containsAll(packaged.get());
    }

    static void ensureDirectory(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not create the store directory " + root + ": "
                    + AtomicFiles.describe(e), e);
        }
    }
}
