package org.asimov.store.db;

import java.sql.SQLException;
import java.util.Set;

/**
 * Reads what kind of failure a database exception is, on H2 and PostgreSQL alike, by walking
 * its causes to the driver's {@link SQLException}.
 */
public final class SqlErrors {
    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Failures that a fresh attempt of the same transaction may not meet: serialization and
     * deadlock (40001, 40P01), lock timeouts, H2's concurrent-update error, and broken
     * connections (class 08), which is what an H2 AUTO_SERVER client sees while the process
     * that served the database exits and another takes over.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
    /** H2's codes for a session whose database has gone: the connection is of no further use. */
    private static final Set<Integer> H2_SESSION_GONE_CODES = Set.of(
            90067, // CONNECTION_BROKEN_1
            90098, // DATABASE_IS_CLOSED
            90121); // DATABASE_CALLED_AT_SHUTDOWN
    /** H2's other transient codes; a session gone is transient too (a new connection may work). */
    private static final Set<Integer> H2_TRANSIENT_CODES = Set.of(
            50200, // LOCK_TIMEOUT_1
            90131, // CONCURRENT_UPDATE_1
            90020); // DATABASE_ALREADY_OPEN_1: the file lock changing hands between processes

    /** Suppressed exceptions of suppressed exceptions are looked at this deep, no deeper. */
    private static final int MAX_SUPPRESSED_DEPTH = 2;

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether another attempt of the transaction may succeed. The exceptions suppressed along
     * the way count too: when the process serving an H2 database exits under a transaction, the
     * statement fails with a general error ("Transaction 2 is closed") and only the rollback
     * that follows says the connection is broken, as a suppressed exception.
     */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    private static boolean isTransient(Throwable failure, int depth) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
            if (depth < MAX_SUPPRESSED_DEPTH) {
                for (Throwable suppressed : t.getSuppressed()) {
                    if (isTransient(suppressed, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            if (isH2SessionGone(sql)
                    || sql.getClass().getName().startsWith("org.h2.") && H2_TRANSIENT_CODES.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException;
    }

    /**
     * Whether {@code failure} is H2 saying the connection's session is gone: the process that
     * served the database exited, or the database closed. Such a connection never works again.
     */
    public static boolean isH2SessionGone(SQLException failure) {
        return failure.getClass().getName().startsWith("org.h2.") && H2_SESSION_GONE_CODES.contains(failure.getErrorCode());
    }

    /** The driver's message, which says what the database objected to. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getMessage() + " (SQLSTATE " + sql.getSQLState() + ")";
            }
        }
        return String.valueOf(failure.getMessage());
    }
}
