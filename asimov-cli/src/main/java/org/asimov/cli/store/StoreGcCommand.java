package org.asimov.cli.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.store.Store;
import org.asimov.store.maintenance.GcReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "gc", description = {"Remove unreferenced blobs and stale temporary files.",
        "Blobs no manifest row points at and temporary files go; those younger than the grace "
                + "period stay, as they may belong to a put still in progress."})
public final class StoreGcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--grace-minutes", paramLabel = "MINUTES", defaultValue = "60",
            description = "Keep leftovers younger than this (default: ${DEFAULT-VALUE}).")
    long graceMinutes;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    StoreGcCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        GcReport report;
        try (Store store = stores.openStore(locator.project())) {
            report = store.gc(Duration.ofMinutes(Math.max(0, graceMinutes)));
        }
        Printer printer = new Printer(spec);
        if (json) {
            printer.json(Printer.object().put("blobs_removed", report.blobsRemoved())
                    .put("bytes_removed", report.bytesRemoved())
                    .put("temporary_files_removed", report.temporaryFilesRemoved())
                    .put("temporary_bytes_removed", report.temporaryBytesRemoved())
                    .put("young_files_kept", report.youngFilesKept()));
        } else {
            printer.line("removed " + report.blobsRemoved() + " unreferenced blobs (" + report.bytesRemoved() + " bytes) and "
                    + report.temporaryFilesRemoved() + " temporary files (" + report.temporaryBytesRemoved() + " bytes)");
            if (report.youngFilesKept() > 0) {
                printer.line("kept " + report.youngFilesKept() + " files younger than " + graceMinutes + " minutes");
            }
        }
        return 0;
    }
}
