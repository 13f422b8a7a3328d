package org.asimov.cli.project;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.core.blueprint.Blueprint;
import org.asimov.core.blueprint.BlueprintApplier;
import org.asimov.core.blueprint.BlueprintReader;
import org.asimov.core.ledger.LedgerFile;
import org.asimov.core.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", description = {"Add events and analyses to the ledger from a blueprint file.",
        "",
        "The file holds one or more YAML documents separated by '---', each with 'kind: event' "
                + "(name, optional 'working directory') or 'kind: analysis' (name, event, pipeline, and "
                + "optional status, needs, environment, command, outputs, rundir). Every document is "
                + "checked first: if any is wrong, the ledger is left exactly as it was."})
public final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The blueprint file.")
    Path file;

    private final ProjectLocator locator;
    private final BlueprintApplier applier;

    @Inject
    ApplyCommand(ProjectLocator locator, BlueprintApplier applier) {
        this.locator = requireNonNull(locator, "locator is null");
        this.applier = requireNonNull(applier, "applier is null");
    }

    @Override
    public Integer call() {
        Project project = locator.project();
        List<Blueprint> blueprints = BlueprintReader.read(file);
        List<String> added = new LedgerFile(project.ledgerFile()).update(ledger -> applier.apply(ledger, blueprints));
        Printer printer = new Printer(spec);
        added.forEach(what -> printer.line("added " + what));
        return 0;
    }
}
