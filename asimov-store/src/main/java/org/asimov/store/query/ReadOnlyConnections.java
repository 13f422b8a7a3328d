package org.asimov.store.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.StoreSettings;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Connections on which the database itself refuses to change anything. A JDBC read-only flag
 * alone is a hint that H2 ignores; so:
 * <ul>
 * <li>H2: a separate database user that may only SELECT in the store's schema. Everything that
 * writes, and everything that reaches the file system (CSVWRITE, SCRIPT, RUNSCRIPT), needs
 * rights it does not have.</li>
 * <li>PostgreSQL: the store's own user (an institution gives us no other), in a transaction
 * and session that are READ ONLY, which the server enforces. A COMMIT inside the text would end
 * that transaction and let what follows run outside it, so text the driver would send as
 * more than one statement is refused before it is sent.</li>
 * </ul>
 */
final class ReadOnlyConnections {
    /** The H2 reader. Its password guards nothing the database file's owner lacks: 'sa' has none. */
    static final String H2_READER = "asimov_reader";
    private static final String H2_READER_PASSWORD = "asimov-read-only";
    /** H2's WRONG_USER_OR_PASSWORD: the reader does not exist yet. */
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    /** Settings in the store's H2 URL that only an administrator may give when connecting. */
    private static final Pattern ADMIN_ONLY_SETTINGS = Pattern.compile(";(WRITE_DELAY)=[^;]*", Pattern.CASE_INSENSITIVE);

    private ReadOnlyConnections() {
    }

    static Connection open(StoreSettings settings) throws SQLException {
        Connection connection = settings.embedded() ? openH2(settings) : openPostgres(settings);
        try {
            connection.setSchema(settings.schema());
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static Connection openH2(StoreSettings settings) throws SQLException {
        // The database is already open with the store's settings; the reader only joins it.
        String readerUrl = ADMIN_ONLY_SETTINGS.matcher(settings.effectiveJdbcUrl()).replaceAll("");
        Connection connection;
        try {
            connection = DriverManager.getConnection(readerUrl, H2_READER, H2_READER_PASSWORD);
        } catch (SQLException noReaderYet) {
            if (noReaderYet.getErrorCode() != H2_WRONG_USER_OR_PASSWORD) {
                throw noReaderYet;
            }
            createH2Reader(settings);
            connection = DriverManager.getConnection(readerUrl, H2_READER, H2_READER_PASSWORD);
        }
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * Once per store: the user and its grant are kept in the database, and a grant on the
     * schema covers the tables later migrations add. (Granting on every query would also make
     * H2 recompile the views each time.) Idempotent, so two processes may race to do it.
     */
    private static void createH2Reader(StoreSettings settings) throws SQLException {
        try (Connection admin = DriverManager.getConnection(settings.effectiveJdbcUrl(), "sa", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS " + H2_READER + " PASSWORD '" + H2_READER_PASSWORD + "'");
            statement.execute("GRANT SELECT ON SCHEMA " + settings.schema() + " TO " + H2_READER);
            admin.commit();
        }
    }

    private static Connection openPostgres(StoreSettings settings) throws SQLException {
        Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement.execute("SET TRANSACTION READ ONLY");
            // Once the transaction has run a query, PostgreSQL refuses to make it read-write again.
            statement.execute("SELECT 1");
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Refuses what pgjdbc would split into several statements; H2 needs no such check. */
    static void requireSingleStatement(StoreSettings settings, String sql) throws SQLException {
        if (settings.embedded()) {
            return;
        }
        List<NativeQuery> statements = Parser.parseJdbcSql(sql, true, false, true, false, false);
        long nonEmpty = statements.stream().filter(q -> !q.nativeSql.isBlank()).count();
        if (nonEmpty > 1) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, "give one SQL statement at a time; this text holds "
                    + nonEmpty + " (separated by ';')");
        }
    }
}
