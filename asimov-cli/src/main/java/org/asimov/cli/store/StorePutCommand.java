package org.asimov.cli.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.AnalysisArguments;
import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.store.StoredResource;
import org.asimov.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "put", description = {"Store FILE for an analysis.",
        "Storing the same content again under the same name does nothing; different content under "
                + "a stored name is refused (the store is write-once)."})
public final class StorePutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalysisArguments coordinates;

    @Parameters(index = "2", paramLabel = "FILE", description = "The file to store.")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "The name to store it under (default: the file's name).")
    String name;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    StorePutCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, file + " is not a readable file");
        }
        String event = coordinates.event();
        String analysis = coordinates.analysis();
        String resourceName = name != null ? name : file.getFileName().toString();
        try (Store store = stores.openStore(locator.project())) {
            StoredResource stored = store.put(event, analysis, resourceName, file,
                    TerminalByteProgress.forTerminal(spec.commandLine().getErr(), "storing " + resourceName));
            new Printer(spec).line("stored " + event + "/" + analysis + "/" + stored.name() + " (" + stored.size()
                    + " bytes, sha256 " + stored.sha256() + ")");
        }
        return 0;
    }
}
