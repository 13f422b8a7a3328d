package org.asimov.core.store;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/** Opens a store on first use and closes it only if it was opened. */
public final class LazyResultsStore implements AutoCloseable {
    private final Supplier<ResultsStore> opener;
    private ResultsStore store;

    public LazyResultsStore(Supplier<ResultsStore> opener) {
        this.opener = requireNonNull(opener, "opener is null");
    }

    public ResultsStore get() {
        if (store == null) {
            store = opener.get();
        }
        return store;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
