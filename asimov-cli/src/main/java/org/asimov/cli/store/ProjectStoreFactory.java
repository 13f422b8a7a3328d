package org.asimov.cli.store;

import jakarta.inject.Inject;

import org.asimov.core.project.IniFile;
import org.asimov.core.project.Project;
import org.asimov.core.store.ResultsStore;
import org.asimov.core.store.ResultsStoreFactory;
import org.asimov.store.Store;
import org.asimov.store.StoreSettings;

/**
 * Opens the store a project's {@code [storage]} section describes: the directory for blobs and,
 * when {@code database} is set, the JDBC URL of the manifest database (user and password from
 * {@code [storage]} or from ASIMOV_DB_USER / ASIMOV_DB_PASSWORD).
 */
public final class ProjectStoreFactory implements ResultsStoreFactory {
    @Inject
    ProjectStoreFactory() {
    }

    @Override
    public ResultsStore open(Project project) {
        return openStore(project);
    }

    /** The store with its maintenance operations (verify, gc, stats) and progress reporting. */
    public Store openStore(Project project) {
        IniFile config = project.config();
        return Store.open(new StoreSettings(
                project.storeDirectory(),
                config.get("storage", "database").orElse(null),
                config.get("storage", "user").orElse(System.getenv("ASIMOV_DB_USER")),
                config.get("storage", "password").orElse(System.getenv("ASIMOV_DB_PASSWORD")),
                config.get("storage", "schema").orElse(null)));
    }
}
