package org.asimov.store.db;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import jakarta.inject.Provider;

import org.asimov.store.StoreSettings;

/**
 * Opens the store's database when it is first asked for, so a Guice binding such as
 * {@code bind(StoreDatabase.class).toProvider(StoreDatabaseProvider.class).in(Singleton.class)}
 * keeps the module free of I/O and lets commands that never touch the store skip Hibernate.
 * Whoever closes the {@link org.asimov.store.Store} closes the database.
 */
public final class StoreDatabaseProvider implements Provider<StoreDatabase> {
    private final StoreSettings settings;

    @Inject
    public StoreDatabaseProvider(StoreSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public StoreDatabase get() {
        return StoreDatabase.open(settings);
    }
}
