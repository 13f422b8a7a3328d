package org.asimov.cli.query;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.store.Store;
import org.asimov.store.query.QueryResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", description = {"Run one read-only SQL statement on the results store's database.",
        "Prints what the statement returns; the database itself refuses anything that would "
                + "change it. Build on the views "
                + "asimov_analysis_packages(event, analysis, phase, manager, name, version) and "
                + "asimov_environments(fingerprint, environment_type, python_version, analyses); "
                + "db/README.md documents the schema and db/queries/ holds examples, such as:",
        "  asimov query \"SELECT DISTINCT event, analysis FROM asimov_analysis_packages",
        "                WHERE name = 'lalsuite' AND version = '7.11'\""})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "The statement (or use --file).")
    String sql;

    @Option(names = "--file", paramLabel = "PATH", description = "Read the statement from a file, e.g. db/queries/distinct-environments.sql.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    QueryFormat format;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    QueryCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        String statement = statement();
        QueryResult result;
        try (Store store = stores.openStore(locator.project())) {
            result = store.sql().run(statement);
        }
        QueryOutput.print(new Printer(spec), result, format);
        return 0;
    }

    private String statement() {
        if ((sql == null) == (file == null)) {
            throw new AsimovException(ErrorKind.USAGE, "give the SQL statement as an argument or with --file, not both");
        }
        if (sql != null) {
            return sql;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "could not read the query in " + file + ": " + AtomicFiles.describe(e), e);
        }
    }
}
