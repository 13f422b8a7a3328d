package org.asimov.store.db;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.StoreSettings;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's SQL database, ready to use: pool open, schema migrated by Flyway, Hibernate
 * validated against it. All work goes through {@link #fromTransaction}, which retries the
 * failures another attempt can get past and turns the rest into {@link ErrorKind#DATABASE}.
 */
public final class StoreDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreDatabase.class);

    private static final int ATTEMPTS = 8;

    static {
        // Hibernate logs through JBoss Logging, which would otherwise pick java.util.logging
        // and print INFO lines on stderr of every CLI command; asimov logs through SLF4J only.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        // H2's shared mode (AUTO_SERVER) opens a TCP port for the other processes on the same
        // store, guarded only by a key in the lock file; by default it listens on every network
        // interface. Other processes of this machine are all it serves, so listen on loopback.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final StoreSettings settings;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    private StoreDatabase(StoreSettings settings, HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
    }

    /** Connects, migrates and boots Hibernate; the caller closes what it gets. */
    public static StoreDatabase open(StoreSettings settings) {
        requireNonNull(settings, "settings is null");
        long started = System.nanoTime();
        HikariDataSource dataSource;
        if (settings.embedded()) {
            SchemaMigration.ensureDirectory(settings.root());
            try (OpenLock ignored = OpenLock.acquire(settings.root())) {
                dataSource = DataSources.create(settings);
                log.debug("connected in {} ms", (System.nanoTime() - started) / 1_000_000);
                migrateOrClose(dataSource, settings);
            }
        } else {
            dataSource = DataSources.create(settings);
            migrateOrClose(dataSource, settings);
        }
        long migrated = System.nanoTime();
        try {
            SessionFactory sessionFactory = HibernateBootstrap.sessionFactory(dataSource, settings);
            long booted = System.nanoTime();
            log.debug("store database ready in {} ms (connect and migrate {} ms, Hibernate {} ms)",
                    (booted - started) / 1_000_000, (migrated - started) / 1_000_000, (booted - migrated) / 1_000_000);
            return new StoreDatabase(settings, dataSource, sessionFactory);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static void migrateOrClose(HikariDataSource dataSource, StoreSettings settings) {
        try {
            SchemaMigration.migrate(dataSource, settings);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public StoreSettings settings() {
        return settings;
    }

    /**
     * Runs {@code work} in a transaction and returns its result. {@link AsimovException}s and
     * unique-constraint violations reach the caller unchanged (the caller knows what they
     * mean); transient failures are retried with a short random back-off.
     */
    public <R> R fromTransaction(Function<Session, R> work) {
        requireNonNull(work, "work is null");
        for (int attempt = 1; ; attempt++) {
            try {
                return sessionFactory.fromTransaction(work);
            } catch (AsimovException e) {
                throw e;
            } catch (RuntimeException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                if (attempt < ATTEMPTS && SqlErrors.isTransient(e)) {
                    log.debug("transient database failure, attempt {} of {}: {}", attempt, ATTEMPTS, SqlErrors.describe(e));
                    pause(attempt);
                    continue;
                }
                throw new AsimovException(ErrorKind.DATABASE, "the store's database failed: " + SqlErrors.describe(e)
                        + (settings.embedded() ? " (database in " + settings.root() + ")" : " (" + settings.jdbcUrl() + ")"), e);
            }
        }
    }

    private static void pause(int attempt) {
        long millis = Math.min(2_000, 25L << attempt) + ThreadLocalRandom.current().nextLong(25);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AsimovException(ErrorKind.DATABASE, "interrupted while waiting to retry a database transaction", e);
        }
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            dataSource.close();
        }
    }
}
