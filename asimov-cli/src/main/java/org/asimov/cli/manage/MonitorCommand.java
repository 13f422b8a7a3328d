package org.asimov.cli.manage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.OutcomeReport;
import org.asimov.cli.output.Printer;
import org.asimov.cli.output.TerminalProgress;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.ledger.LedgerFile;
import org.asimov.core.lifecycle.AnalysisSelection;
import org.asimov.core.lifecycle.MonitorStep;
import org.asimov.core.lifecycle.Outcome;
import org.asimov.core.project.Project;
import org.asimov.core.store.LazyResultsStore;
import org.asimov.core.store.ResultsStoreFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "monitor", description = {"Move running analyses on and upload finished ones to the results store.",
        "A running analysis whose job ended well becomes 'finished', one whose job failed becomes "
                + "'stuck'. Finished analyses are uploaded: their outputs and environment files go into the "
                + "results store and they become 'uploaded'."})
public final class MonitorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--event", paramLabel = "EVENT", description = "Only the analyses of this event.")
    String event;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final MonitorStep monitor;
    private final ResultsStoreFactory stores;

    @Inject
    MonitorCommand(ProjectLocator locator, MonitorStep monitor, ResultsStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.monitor = requireNonNull(monitor, "monitor is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        Project project = locator.project();
        Printer printer = new Printer(spec);
        AnalysisSelection selection = new AnalysisSelection(event);
        try (LazyResultsStore store = new LazyResultsStore(() -> stores.open(project))) {
            List<Outcome> outcomes = new LedgerFile(project.ledgerFile()).update(
                    l -> monitor.run(l, project, selection, store::get, TerminalProgress.forTerminal(printer.err())));
            return OutcomeReport.print(printer, "monitor", outcomes, json, ErrorKind.PIPELINE_FAILED.exitCode());
        }
    }
}
