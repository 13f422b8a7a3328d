package org.asimov.cli.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.store.Store;
import org.asimov.store.maintenance.StoreStats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", description = "How many files and blobs the store holds, and what sharing content saved.")
public final class StoreStatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    StoreStatsCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        StoreStats stats;
        try (Store store = stores.openStore(locator.project())) {
            stats = store.stats();
        }
        Printer printer = new Printer(spec);
        if (json) {
            printer.json(Printer.object().put("files", stats.files()).put("blobs", stats.blobs()).put("bytes", stats.bytes())
                    .put("file_bytes", stats.fileBytes()).put("bytes_saved_by_sharing", stats.bytesSavedBySharing()));
        } else {
            printer.table(List.of(
                    new String[] {"files", Long.toString(stats.files())},
                    new String[] {"blobs", Long.toString(stats.blobs())},
                    new String[] {"bytes on disk", Long.toString(stats.bytes())},
                    new String[] {"bytes of all files", Long.toString(stats.fileBytes())},
                    new String[] {"bytes saved by sharing", Long.toString(stats.bytesSavedBySharing())}));
        }
        return 0;
    }
}
