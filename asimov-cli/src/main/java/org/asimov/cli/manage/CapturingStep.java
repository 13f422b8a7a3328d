package org.asimov.cli.manage;

import java.util.List;

import org.asimov.cli.output.OutcomeReport;
import org.asimov.cli.output.Printer;
import org.asimov.cli.output.TerminalProgress;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.ledger.LedgerFile;
import org.asimov.core.lifecycle.AnalysisSelection;
import org.asimov.core.lifecycle.EnvironmentRecorder;
import org.asimov.core.lifecycle.LifecycleListener;
import org.asimov.core.lifecycle.Outcome;
import org.asimov.core.project.Project;

/**
 * A lifecycle step that captures environments ({@link org.asimov.core.lifecycle.BuildStep},
 * {@link org.asimov.core.lifecycle.SubmitStep}), and how {@code manage build} and
 * {@code manage submit} run one: on the ledger as read for a dry run, inside its locked update
 * otherwise, with progress on the terminal and the outcomes reported.
 */
@FunctionalInterface
interface CapturingStep {
    List<Outcome> run(Ledger ledger, Project project, AnalysisSelection selection, boolean dryRun,
            EnvironmentRecorder recorder, LifecycleListener listener);

    /** @return the command's exit status */
    default int runAndReport(String verb, Project project, String event, boolean dryRun, boolean json,
            EnvironmentRecorder recorder, Printer printer) {
        AnalysisSelection selection = new AnalysisSelection(event);
        LifecycleListener progress = TerminalProgress.forTerminal(printer.err());
        LedgerFile ledger = new LedgerFile(project.ledgerFile());
        List<Outcome> outcomes = dryRun
                ? run(ledger.read(), project, selection, true, recorder, progress)
                : ledger.update(l -> run(l, project, selection, false, recorder, progress));
        return OutcomeReport.print(printer, verb, outcomes, json, ErrorKind.PIPELINE_FAILED.exitCode());
    }
}
