package org.asimov.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped at exit. Each
 * store gets its own database, set up the way an institution would: the store's user may
 * connect to that database and create its schema there, and nothing else; another schema with
 * a table of someone else's sits beside it. The end-to-end tests in asimov-it use it too,
 * through this module's test jar.
 */
public final class TestingPostgres {
    public static final String USER = "asimov_user";
    public static final String PASSWORD = "not-a-secret";

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestingPostgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster goes with it
                }
            }));
            execute("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
        return server;
    }

    /** A new database for one store, and its JDBC URL. */
    public static String newDatabase() {
        server();
        String name = "store_" + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        execute(name,
                "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC",
                "GRANT CONNECT, CREATE ON DATABASE " + name + " TO " + USER,
                "REVOKE ALL ON SCHEMA public FROM PUBLIC",
                "CREATE SCHEMA other",
                "CREATE TABLE other.grants (id BIGINT PRIMARY KEY, title VARCHAR(200))",
                "INSERT INTO other.grants VALUES (1, 'not asimov''s')");
        return url(name);
    }

    static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    static void execute(String database, String... statements) {
        try (Connection connection = server().getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the test database: " + e.getMessage(), e);
        }
    }
}
