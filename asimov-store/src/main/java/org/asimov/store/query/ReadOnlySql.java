package org.asimov.store.query;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.StoreSettings;

/**
 * Runs SQL that people type ({@code asimov query}) against the store's schema, read-only as
 * enforced by the database (see {@link ReadOnlyConnections}), never by reading the text.
 * Unqualified names resolve in the store's schema, so {@code asimov_environments} works as is.
 */
public final class ReadOnlySql {
    /** PostgreSQL: cannot execute ... in a read-only transaction. */
    private static final String PG_READ_ONLY_TRANSACTION = "25006";
    /** PostgreSQL: permission denied (outside the store's schema). */
    private static final String PG_INSUFFICIENT_PRIVILEGE = "42501";
    /** H2: NOT_ENOUGH_RIGHTS_FOR_1 and ADMIN_RIGHTS_REQUIRED. */
    private static final Set<Integer> H2_NO_RIGHTS = Set.of(90096, 90040);

    private final StoreSettings settings;

    @Inject
    public ReadOnlySql(StoreSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * @throws AsimovException INVALID_INPUT when the statement is not valid SQL or would change
     *         something (nothing is changed), DATABASE when the database cannot be reached
     */
    public QueryResult run(String sql) {
        requireNonNull(sql, "sql is null");
        if (sql.isBlank()) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, "the query is empty");
        }
        try (Connection connection = ReadOnlyConnections.open(settings)) {
            try {
                ReadOnlyConnections.requireSingleStatement(settings, sql);
                return execute(connection, sql);
            } catch (SQLException e) {
                throw refused(e);
            } finally {
                // Nothing a query did should outlive it, even what the database let through.
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new AsimovException(ErrorKind.DATABASE, "could not open a read-only connection to the store's database: "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static QueryResult execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return new QueryResult(List.of(), List.of());
            }
            try (ResultSet results = statement.getResultSet()) {
                ResultSetMetaData meta = results.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (results.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(value(results, meta, i));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }
        }
    }

    private static Object value(ResultSet results, ResultSetMetaData meta, int column) throws SQLException {
        int type = meta.getColumnType(column);
        Object value = switch (type) {
            case Types.BOOLEAN, Types.BIT -> results.getBoolean(column);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> results.getLong(column);
            case Types.DECIMAL, Types.NUMERIC -> integral(results.getBigDecimal(column));
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> results.getDouble(column);
            case Types.TIMESTAMP_WITH_TIMEZONE -> results.getObject(column, OffsetDateTime.class);
            case Types.TIMESTAMP -> timestamp(results, meta, column);
            default -> results.getString(column);
        };
        return results.wasNull() ? null : value instanceof OffsetDateTime time ? time.toInstant().toString() : value;
    }

    /** SUM and friends return NUMERIC; a whole number reads better, and the same on both databases, as a long. */
    private static Object integral(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        try {
            return value.stripTrailingZeros().scale() <= 0 ? value.longValueExact() : value;
        } catch (ArithmeticException tooLarge) {
            return value;
        }
    }

    /** PostgreSQL reports timestamptz as TIMESTAMP; read it with its offset so it is not shifted to local time. */
    private static Object timestamp(ResultSet results, ResultSetMetaData meta, int column) throws SQLException {
        return "timestamptz".equals(meta.getColumnTypeName(column))
                ? results.getObject(column, OffsetDateTime.class)
                : results.getString(column);
    }

    private AsimovException refused(SQLException e) {
        boolean noRights = PG_READ_ONLY_TRANSACTION.equals(e.getSQLState())
                || (settings.embedded() && H2_NO_RIGHTS.contains(e.getErrorCode()));
        if (noRights) {
            return new AsimovException(ErrorKind.INVALID_INPUT, "queries are read-only: the database refused a statement"
                    + " that would change it, and nothing was changed (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (PG_INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            return new AsimovException(ErrorKind.INVALID_INPUT, "the store's database user may not read that: "
                    + e.getMessage(), e);
        }
        return new AsimovException(ErrorKind.INVALID_INPUT, "the query failed: " + e.getMessage().lines().findFirst().orElse("")
                + " (SQLSTATE " + e.getSQLState() + ")", e);
    }
}
