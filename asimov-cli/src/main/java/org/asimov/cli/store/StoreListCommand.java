package org.asimov.cli.store;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.core.store.ResultsStore;
import org.asimov.core.store.ResultsStoreFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List stored files: all, those of one event, or of one analysis.")
public final class StoreListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EVENT")
    String event;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ANALYSIS")
    String analysis;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ResultsStoreFactory stores;

    @Inject
    StoreListCommand(ProjectLocator locator, ResultsStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        try (ResultsStore store = stores.open(locator.project())) {
            ResourceListing.print(new Printer(spec), store.listAll(event, analysis), json);
        }
        return 0;
    }
}
