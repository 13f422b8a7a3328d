package org.asimov.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM. Each project gets its own database set up the way an
 * institution would: the asimov user may connect and create its schema there and nothing
 * else, and another schema with someone else's table sits beside it. (The store module's
 * tests keep their own copy: test classes do not cross modules.)
 */
final class TestingPostgres {
    static final String USER = "asimov_user";
    static final String PASSWORD = "not-a-secret";

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

    static String newDatabase() {
        server();
        String name = "it_" + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        execute(name,
                "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC",
                "GRANT CONNECT, CREATE ON DATABASE " + name + " TO " + USER,
                "REVOKE ALL ON SCHEMA public FROM PUBLIC",
                "CREATE SCHEMA other",
                "CREATE TABLE other.grants (id BIGINT PRIMARY KEY, title VARCHAR(200))");
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
    }

    private static void execute(String database, String... statements) {
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
