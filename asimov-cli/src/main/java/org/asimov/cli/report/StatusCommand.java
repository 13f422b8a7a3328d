package org.asimov.cli.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.ledger.Event;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.ledger.LedgerFile;
import org.asimov.core.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "List every event and analysis with its status and captured environment.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private final ProjectLocator locator;

    @Inject
    StatusCommand(ProjectLocator locator) {
        this.locator = requireNonNull(locator, "locator is null");
    }

    @Override
    public Integer call() {
        Project project = locator.project();
        Ledger ledger = new LedgerFile(project.ledgerFile()).read();
        Printer printer = new Printer(spec);
        if (json) {
            printer.json(toJson(ledger, project));
            return 0;
        }
        printer.line("Project " + ledger.projectName() + " (" + project.root() + ")");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"EVENT", "ANALYSIS", "PIPELINE", "STATUS", "ENVIRONMENT"});
        for (Event event : ledger.events()) {
            if (event.analyses().isEmpty()) {
                rows.add(new String[] {event.name(), "-", "-", "-", "-"});
            }
            for (Analysis analysis : event.analyses()) {
                rows.add(new String[] {event.name(), analysis.name(), analysis.pipeline(), analysis.status().key(),
                        environmentSummary(analysis)});
            }
        }
        if (rows.size() == 1) {
            printer.line("No events yet; add some with 'asimov apply -f BLUEPRINT'.");
        } else {
            printer.table(rows);
        }
        return 0;
    }

    private static String environmentSummary(Analysis analysis) {
        if (!analysis.environmentCaptured()) {
            return "not captured";
        }
        ObjectNode environment = analysis.environmentMeta();
        String fingerprint = environment.path("fingerprint").asText("");
        return environment.path("environment_type").asText("?") + " " + fingerprint.substring(0, Math.min(12, fingerprint.length()))
                + (environment.path("drift").asBoolean(false) ? " DRIFT (changed between build and run)" : "");
    }

    private static ObjectNode toJson(Ledger ledger, Project project) {
        ObjectNode root = Printer.object();
        root.put("project", ledger.projectName());
        root.put("root", project.root().toString());
        ArrayNode events = root.putArray("events");
        for (Event event : ledger.events()) {
            ObjectNode eventNode = events.addObject();
            eventNode.put("name", event.name());
            ArrayNode analyses = eventNode.putArray("analyses");
            for (Analysis analysis : event.analyses()) {
                ObjectNode node = analyses.addObject();
                node.put("name", analysis.name());
                node.put("pipeline", analysis.pipeline());
                node.put("status", analysis.status().key());
                node.put("run_directory", analysis.runDirectory(project.root(), project.workingDirectory()).toString());
                ArrayNode needs = node.putArray("needs");
                analysis.needs().forEach(needs::add);
                if (analysis.meta().has("environment")) {
                    node.set("environment", analysis.meta().get("environment").deepCopy());
                }
            }
        }
        return root;
    }
}
