package org.asimov.store;

import java.nio.file.Path;

/** The store suite on the default database: H2 in file mode inside the store directory. */
class H2StoreTest extends AbstractStoreTest {
    @Override
    StoreSettings settings(Path root) {
        return StoreSettings.h2(root);
    }
}
