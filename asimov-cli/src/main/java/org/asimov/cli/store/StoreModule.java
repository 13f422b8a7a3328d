package org.asimov.cli.store;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

import org.asimov.core.store.ResultsStoreFactory;

/** The results store. Binding it boots nothing: the database opens on use. */
public final class StoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ResultsStoreFactory.class).to(ProjectStoreFactory.class);
        bind(ProjectStoreFactory.class).in(Singleton.class);
    }
}
