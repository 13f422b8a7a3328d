package org.asimov.store;

import java.nio.file.Path;

/** Environments as rows on the default database: H2 in file mode inside the store directory. */
class H2EnvironmentStoreTest extends AbstractEnvironmentStoreTest {
    @Override
    StoreSettings settings(Path root) {
        return StoreSettings.h2(root);
    }
}
