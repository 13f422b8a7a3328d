package org.asimov.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.hibernate.TransactionException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/** Which failures a transaction is tried again for, with the exceptions H2 itself makes. */
class SqlErrorsTest {
    @Test
    void aBrokenConnectionIsTransient() {
        SQLException broken = DbException.get(ErrorCode.CONNECTION_BROKEN_1, "session closed").getSQLException();
        assertThat(SqlErrors.isTransient(new GenericJDBCException("could not execute statement", broken))).isTrue();
    }

    /**
     * What a process saw in CI when the process serving the H2 store exited under its insert:
     * the statement failed with a general error, and the rollback found the session closed.
     */
    @Test
    void aStatementWhoseRollbackFindsTheConnectionBrokenIsTransient() {
        SQLException general = DbException.get(ErrorCode.GENERAL_ERROR_1,
                "org.h2.mvstore.MVStoreException: Transaction 2 is closed [2.3.232/4]").getSQLException();
        GenericJDBCException failure = new GenericJDBCException("could not execute statement", general);
        assertThat(SqlErrors.isTransient(failure)).as("a general error alone").isFalse();

        SQLException closed = DbException.get(ErrorCode.CONNECTION_BROKEN_1, "session closed").getSQLException();
        failure.addSuppressed(new TransactionException("Unable to rollback against JDBC Connection", closed));
        assertThat(SqlErrors.isTransient(failure)).isTrue();
    }

    @Test
    void thePoolDropsAConnectionWhoseH2SessionIsGoneAndJudgesTheRestAsUsual() {
        H2BrokenConnections override = new H2BrokenConnections();
        for (int code : new int[] {ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN}) {
            assertThat(override.adjudicate(DbException.get(code, "x").getSQLException())).as("code %d", code)
                    .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        }
        assertThat(override.adjudicate(DbException.get(ErrorCode.DUPLICATE_KEY_1, "manifest").getSQLException()))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
        assertThat(override.adjudicate(DbException.get(ErrorCode.LOCK_TIMEOUT_1, "manifest").getSQLException()))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    @Test
    void aUniqueViolationIsNotTransientEvenWithABrokenRollback() {
        SQLException duplicate = DbException.get(ErrorCode.DUPLICATE_KEY_1, "manifest").getSQLException();
        GenericJDBCException failure = new GenericJDBCException("could not execute statement", duplicate);
        assertThat(SqlErrors.isUniqueViolation(failure)).isTrue();
        assertThat(SqlErrors.isTransient(failure)).isFalse();
    }
}
