package org.asimov.cli.project;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.core.AsimovVersion;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.ledger.LedgerFile;
import org.asimov.core.project.Project;
import org.asimov.core.store.ResultsStore;
import org.asimov.core.store.ResultsStoreFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", description = {
        "Create an asimov project in the current directory (or --project DIR).",
        "  .asimov/asimov.conf   the project configuration (INI)",
        "  .asimov/ledger.yml    the ledger of events and analyses",
        "  working/              where analyses get their run directories",
        "  results/              the results store (an embedded H2 database inside)"})
public final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The project's name.")
    String name;

    private final ProjectLocator locator;
    private final ResultsStoreFactory stores;

    @Inject
    InitCommand(ProjectLocator locator, ResultsStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        Path root = locator.rootForNewProject();
        Path conf = root.resolve(Project.CONFIG_DIR).resolve(Project.CONFIG_FILE);
        if (Files.exists(conf)) {
            throw new AsimovException(ErrorKind.CONFLICT, "there is already an asimov project in " + root
                    + " (" + conf + " exists)");
        }
        if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, "the project name must be printable text");
        }
        AtomicFiles.writeString(conf, Project.defaultConfig(name).render());
        Project project = Project.open(root);
        new LedgerFile(project.ledgerFile()).create(Ledger.create(name, AsimovVersion.VERSION));
        try {
            Files.createDirectories(project.workingDirectory());
            Files.createDirectories(project.storeDirectory());
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not create the project directories in " + root + ": "
                    + AtomicFiles.describe(e), e);
        }
        try (ResultsStore store = stores.open(project)) {
            // opening creates the database and its schema, so the first real use is not surprised
        }
        locator.useRoot(root);
        Printer printer = new Printer(spec);
        printer.line("Created asimov project '" + name + "' in " + root);
        printer.line("  configuration  " + root.relativize(conf));
        printer.line("  ledger         " + root.relativize(project.ledgerFile()));
        printer.line("  working        " + root.relativize(project.workingDirectory()) + "/");
        printer.line("  results store  " + root.relativize(project.storeDirectory()) + "/");
        printer.line("Next: describe events and analyses in a blueprint and run 'asimov apply -f FILE'.");
        return 0;
    }
}
