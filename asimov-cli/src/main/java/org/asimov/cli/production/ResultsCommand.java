package org.asimov.cli.production;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.AnalysisArguments;
import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.cli.store.ResourceListing;
import org.asimov.cli.store.TerminalByteProgress;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.names.SafeName;
import org.asimov.core.store.StoredResource;
import org.asimov.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "results", description = {"List an analysis's files in the results store, or fetch one with --file.",
        "Fetched content is re-hashed and refused if it does not match what was stored."})
public final class ResultsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalysisArguments coordinates;

    @Option(names = "--file", paramLabel = "NAME", description = "Fetch this file.")
    String file;

    @Option(names = "--output", paramLabel = "PATH",
            description = "Where to write the fetched file (default: NAME in the current directory; '-' for standard output).")
    String output;

    @Option(names = "--json", description = "List as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    ResultsCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        String event = coordinates.event();
        String analysis = coordinates.analysis();
        if (output != null && file == null) {
            throw new AsimovException(ErrorKind.USAGE, "--output needs --file NAME");
        }
        Printer printer = new Printer(spec);
        try (Store store = stores.openStore(locator.project())) {
            if (file == null) {
                List<StoredResource> resources = store.list(event, analysis);
                if (resources.isEmpty() && !json) {
                    printer.line("No files stored for " + event + "/" + analysis
                            + " (results are stored when 'asimov monitor' uploads a finished analysis).");
                    return 0;
                }
                ResourceListing.print(printer, resources, json);
                return 0;
            }
            SafeName.require("file name", file);
            Path target = Path.of(output == null ? file : output);
            if ("-".equals(output)) {
                ResourceListing.copyToStandardOutput(store, event, analysis, file, spec);
                return 0;
            }
            if (Files.isDirectory(target)) {
                target = target.resolve(file);
            }
            if (Files.exists(target)) {
                throw new AsimovException(ErrorKind.CONFLICT, target + " already exists; not overwriting it (choose another --output)");
            }
            StoredResource fetched = store.fetch(event, analysis, file, target,
                    TerminalByteProgress.forTerminal(spec.commandLine().getErr(), "fetching " + file));
            printer.line("fetched " + file + " (" + fetched.size() + " bytes, sha256 " + fetched.sha256() + ") to " + target);
            return 0;
        }
    }
}
