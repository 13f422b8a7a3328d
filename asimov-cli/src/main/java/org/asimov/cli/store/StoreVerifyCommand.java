package org.asimov.cli.store;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.store.StoredResource;
import org.asimov.store.Store;
import org.asimov.store.maintenance.VerifyReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = {"Re-hash every blob and check every manifest row.",
        "Reports corrupt and missing blobs, rows without their blob and stray files; exits with "
                + "status 9 when anything is wrong. Unreferenced blobs and temporary files are leftovers "
                + "for 'store gc', not errors."})
public final class StoreVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    StoreVerifyCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        Printer printer = new Printer(spec);
        VerifyReport report;
        try (Store store = stores.openStore(locator.project())) {
            report = store.verify(TerminalByteProgress.forTerminal(printer.err(), "verifying"));
        }
        if (json) {
            printer.json(toJson(report));
        } else {
            printer.line("checked " + report.blobsChecked() + " blobs (" + report.bytesChecked() + " bytes)");
            report.corruptBlobs().forEach(b -> printer.warn("corrupt blob: " + b));
            report.missingBlobs().forEach(b -> printer.warn("missing blob: " + b));
            report.rowsWithoutBlobs().forEach(r -> printer.warn("row without its blob: " + describe(r)));
            report.rowsWithCorruptBlobs().forEach(r -> printer.warn("row whose blob is corrupt: " + describe(r)));
            report.sizeMismatches().forEach(b -> printer.warn("size mismatch: " + b));
            report.strayFiles().forEach(f -> printer.warn("stray file among the blobs: " + f));
            if (!report.unreferencedBlobs().isEmpty() || report.temporaryFiles() > 0) {
                printer.line(report.unreferencedBlobs().size() + " unreferenced blobs and " + report.temporaryFiles()
                        + " temporary files (leftovers; 'asimov store gc' removes them)");
            }
            printer.line(report.clean() ? "store is clean" : "store has problems (see above)");
        }
        return report.clean() ? 0 : ErrorKind.INTEGRITY.exitCode();
    }

    private static String describe(StoredResource r) {
        return r.event() + "/" + r.analysis() + "/" + r.name() + " -> " + r.sha256();
    }

    private static ObjectNode toJson(VerifyReport report) {
        ObjectNode root = Printer.object();
        root.put("clean", report.clean());
        root.put("blobs_checked", report.blobsChecked());
        root.put("bytes_checked", report.bytesChecked());
        report.corruptBlobs().forEach(root.withArray("corrupt_blobs")::add);
        report.missingBlobs().forEach(root.withArray("missing_blobs")::add);
        ArrayNode rows = root.putArray("rows_without_blobs");
        report.rowsWithoutBlobs().forEach(r -> rows.add(describe(r)));
        ArrayNode corruptRows = root.putArray("rows_with_corrupt_blobs");
        report.rowsWithCorruptBlobs().forEach(r -> corruptRows.add(describe(r)));
        report.sizeMismatches().forEach(root.withArray("size_mismatches")::add);
        report.strayFiles().forEach(f -> root.withArray("stray_files").add(f.toString()));
        report.unreferencedBlobs().forEach(root.withArray("unreferenced_blobs")::add);
        root.put("temporary_files", report.temporaryFiles());
        return root;
    }
}
