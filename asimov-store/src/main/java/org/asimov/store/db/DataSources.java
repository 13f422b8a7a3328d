package org.asimov.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the connection pool the store's database work goes through. */
final class DataSources {
    /** H2's user for the embedded database; every process on the store must use the same one. */
    private static final String H2_USER = "sa";
    private static final long OPEN_RETRY_NANOS = 15_000_000_000L;

    private static final Logger log = LoggerFactory.getLogger(DataSources.class);

    private DataSources() {
    }

    static HikariDataSource create(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("asimov-store");
        config.setJdbcUrl(settings.effectiveJdbcUrl());
        if (settings.embedded()) {
            config.setUsername(H2_USER);
            config.setPassword("");
            config.setExceptionOverride(new H2BrokenConnections());
        } else {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        // A CLI command does a handful of transactions; a small pool opens fast and, on H2,
        // keeps the number of AUTO_SERVER connections other processes have to share low.
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        config.setAutoCommit(false);
        long deadline = System.nanoTime() + OPEN_RETRY_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                return new HikariDataSource(config);
            } catch (HikariPool.PoolInitializationException e) {
                // The H2 server process exiting just as we connect (another takes over within
                // moments) looks like a broken connection: try again for a while. A PostgreSQL
                // server that refuses us is reported at once: waiting would only hide a typo.
                if (settings.embedded() && SqlErrors.isTransient(e) && System.nanoTime() < deadline) {
                    log.debug("could not connect yet (attempt {}): {}", attempt, SqlErrors.describe(e));
                    sleep(Math.min(1_000, 20L * attempt * attempt));
                    continue;
                }
                throw new AsimovException(ErrorKind.DATABASE, "could not connect to the store's database "
                        + (settings.embedded() ? "in " + settings.root() : settings.jdbcUrl()) + ": "
                        + SqlErrors.describe(e) + whatToDo(settings), e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AsimovException(ErrorKind.DATABASE, "interrupted while connecting to the store's database", e);
        }
    }

    private static String whatToDo(StoreSettings settings) {
        return settings.embedded()
                ? "; check that the store directory is writable and that its disk is not full"
                : "; check the [storage] database URL, user and password in asimov.conf"
                        + " (or ASIMOV_DB_USER / ASIMOV_DB_PASSWORD), and that the server is running";
    }
}
