package org.asimov.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.asimov.core.project.IniFile;
import org.asimov.store.TestingPostgres;

/**
 * Environments as rows through the CLI, on PostgreSQL set up as an institution would: a
 * database with other schemas, and a user that may only create and use its own schema.
 */
class EnvironmentPostgresIT extends AbstractEnvironmentIT {
    @Override
    void configureStorage(Path project) throws IOException {
        Path conf = project.resolve(".asimov/asimov.conf");
        IniFile config = IniFile.parse(Files.readString(conf), conf.toString())
                .set("storage", "database", TestingPostgres.newDatabase())
                .set("storage", "user", TestingPostgres.USER)
                .set("storage", "password", TestingPostgres.PASSWORD)
                .set("storage", "schema", "catalogue");
        Files.writeString(conf, config.render());
    }
}
