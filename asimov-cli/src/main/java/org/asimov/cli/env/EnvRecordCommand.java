package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.error.AsimovException;
import org.asimov.core.store.StoredResource;
import org.asimov.store.Store;
import org.asimov.store.environment.Recorded;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "record", description = {"Record stored environment files as rows, for stores filled before uploads did.",
        "Reads the environment files already in the results store: those of every stored "
                + "analysis, of one event, or of one analysis. Uploads record them by themselves; this is for stores filled before they did, and for "
                + "files put with 'store put'. Recording again does nothing."})
public final class EnvRecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EVENT")
    String event;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ANALYSIS")
    String analysis;

    @Option(names = "--phase", paramLabel = "PHASE",
            description = "Only the build capture (environment.json, ...) or only the run capture (run-environment.json, ...);"
                    + " default: both, where stored.")
    String phase;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    EnvRecordCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        List<CapturePhase> phases = phase == null ? List.of(CapturePhase.values()) : List.of(CapturePhase.fromKey(phase));
        Printer printer = new Printer(spec);
        AsimovException firstFailure = null;
        int failed = 0;
        try (Store store = stores.openStore(locator.project())) {
            List<StoredResource> stored = store.listAll(event, analysis);
            boolean any = false;
            for (CapturePhase capturePhase : phases) {
                String metadata = Store.storedPrefix(capturePhase) + EnvironmentFiles.METADATA;
                for (StoredResource capture : stored.stream().filter(r -> r.name().equals(metadata)).toList()) {
                    any = true;
                    String what = capture.event() + "/" + capture.analysis() + " (" + capturePhase.key() + ")";
                    try {
                        Recorded outcome = store.recordStoredEnvironment(capture.event(), capture.analysis(), capturePhase);
                        printer.line(switch (outcome) {
                            case NEW_ENVIRONMENT -> "recorded " + what + ": a new environment";
                            case SHARED_ENVIRONMENT -> "recorded " + what + ": an environment already recorded for another analysis";
                            case ALREADY_RECORDED -> "already recorded " + what;
                        });
                    } catch (AsimovException e) {
                        printer.warn("asimov: error: " + what + ": " + e.getMessage());
                        firstFailure = firstFailure == null ? e : firstFailure;
                        failed++;
                    }
                }
            }
            if (!any) {
                printer.line("No stored analysis" + (event == null ? "" : " of " + event + (analysis == null ? "" : "/" + analysis))
                        + " has environment files to record.");
                return 0;
            }
        }
        if (firstFailure != null) {
            printer.warn(failed + (failed == 1 ? " analysis" : " analyses") + " could not be recorded; see above");
            return firstFailure.kind().exitCode();
        }
        return 0;
    }
}
