package org.asimov.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentFilesReader;
import org.asimov.store.environment.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh store for each test, recording environments as an upload does, and row counts to check it by. */
abstract class EnvironmentStoreFixture {
    static final String EVENT = "GW150914_095045";

    @TempDir
    Path dir;

    StoreSettings settings;
    Store store;

    abstract StoreSettings settings(Path root);

    @BeforeEach
    void openStore() {
        settings = settings(dir.resolve("results"));
        store = Store.open(settings);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    Recorded record(String analysis, EnvironmentFiles.Written files) {
        store.put(EVENT, analysis, EnvironmentFiles.METADATA, files.metadata());
        store.put(EVENT, analysis, EnvironmentFiles.PIP, files.pip());
        if (files.conda() != null) {
            store.put(EVENT, analysis, EnvironmentFiles.CONDA, files.conda());
        }
        return store.recordEnvironment(EVENT, analysis, CapturePhase.BUILD,
                EnvironmentFilesReader.read(files.metadata(), files.pip(), files.conda()));
    }

    long count(String table) throws SQLException {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + settings.schema() + "." + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    Connection adminConnection() throws SQLException {
        return settings.embedded()
                ? DriverManager.getConnection(settings.effectiveJdbcUrl(), "sa", "")
                : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
