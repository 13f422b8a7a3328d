package org.asimov.store.db;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the pool to drop a connection whose H2 session is gone. HikariCP evicts connections on
 * the SQL states other databases use for this (class 08, PostgreSQL's 57P0x); H2 reports its
 * own codes, so without this a transaction retried after the process serving the store exited
 * got the dead connection back from the pool until its idle check, half a second later.
 */
final class H2BrokenConnections implements SQLExceptionOverride {
    @java.lang.Override // the interface's own nested Override type hides the annotation's name
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        return SqlErrors.isH2SessionGone(failure)
                ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
