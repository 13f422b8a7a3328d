package org.asimov.store.db;

import javax.sql.DataSource;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.StoreSettings;
import org.asimov.store.environment.AnalysisEnvironmentRow;
import org.asimov.store.environment.EnvironmentPackageRow;
import org.asimov.store.environment.EnvironmentRow;
import org.asimov.store.manifest.ManifestEntry;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * Boots Hibernate on the pool Flyway has just migrated. Hibernate never changes the schema:
 * it only validates that the entities match what the migrations made.
 */
final class HibernateBootstrap {
    private HibernateBootstrap() {
    }

    /** The innermost message, which names the table or column ("missing column [x]"). */
    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    static SessionFactory sessionFactory(DataSource dataSource, StoreSettings settings) {
        try {
            return new HibernatePersistenceConfiguration("asimov-store")
                    .managedClass(ManifestEntry.class)
                    .managedClasses(EnvironmentRow.class, EnvironmentPackageRow.class, AnalysisEnvironmentRow.class)
                    // an environment's ~300 package rows go to the database in a few round trips
                    .property(BatchSettings.STATEMENT_BATCH_SIZE, 100)
                    .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    // the pool hands out connections with auto-commit already off
                    .property(JdbcSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                    .defaultSchema(settings.schema())
                    .schemaToolingAction(Action.VALIDATE)
                    .createEntityManagerFactory();
        } catch (RuntimeException e) {
            throw new AsimovException(ErrorKind.DATABASE, "the store's database schema '" + settings.schema()
                    + "' does not match this version of asimov: " + rootMessage(e)
                    + "; was it changed by hand, or written by a newer asimov?", e);
        }
    }
}
