package org.asimov.it;

import java.nio.file.Path;

/** Environments as rows through the CLI, on the default embedded H2 store. */
class EnvironmentH2IT extends AbstractEnvironmentIT {
    @Override
    void configureStorage(Path project) {
        // the default configuration is the embedded H2 database in results/
    }
}
