package org.asimov.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.asimov.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check that lets an up-to-date store open without loading Flyway, and its safe fallbacks. */
class SchemaMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aNewStoreIsNotUpToDateAndAMigratedOneIs() throws Exception {
        StoreSettings settings = StoreSettings.h2(dir.resolve("store"));
        SchemaMigration.ensureDirectory(settings.root());
        try (var dataSource = DataSources.create(settings)) {
            assertThat(SchemaMigration.isUpToDate(dataSource, settings)).isFalse();
            SchemaMigration.migrate(dataSource, settings);
            assertThat(SchemaMigration.isUpToDate(dataSource, settings)).isTrue();

            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("UPDATE \"asimov\".\"flyway_schema_history\" SET success = FALSE");
                connection.commit();
            }
            assertThat(SchemaMigration.isUpToDate(dataSource, settings)).as("a failed migration needs Flyway").isFalse();
        }
    }

    @Test
    void packagedVersionsAreReadFromDirectoriesAndJars() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("db/migration"));
        Files.writeString(classes.resolve("db/migration/V1__manifest.sql"), "");
        Files.writeString(classes.resolve("db/migration/V2_1__environments.sql"), "");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(PackagedMigrations.versions(loader)).hasValueSatisfying(v -> assertThat(v).containsExactly("1", "2.1"));
        }

        Path jar = dir.resolve("asimov-db.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"db/", "db/migration/", "db/migration/V1__manifest.sql", "db/migration/V3__x.sql"}) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(PackagedMigrations.versions(loader)).hasValueSatisfying(v -> assertThat(v).containsExactly("1", "3"));
        }

        Files.writeString(classes.resolve("db/migration/R__views.sql"), "");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(PackagedMigrations.versions(loader)).as("repeatable migrations need Flyway").isEmpty();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            assertThat(PackagedMigrations.versions(loader)).isEmpty();
        }
    }

    @Test
    void theRealPackagedMigrationsAreFound() {
        assertThat(PackagedMigrations.versions(SchemaMigration.class.getClassLoader()))
                .hasValueSatisfying(v -> assertThat(v).contains("1"));
    }
}
