package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.AnalysisArguments;
import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.PackageRecord;
import org.asimov.store.Store;
import org.asimov.store.environment.AnalysisEnvironment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "show", description = {"Show the environment recorded for an analysis.",
        "Its interpreter, its fingerprint, how many other analyses share it, and every package per manager."})
public final class EnvShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalysisArguments coordinates;

    @Option(names = "--phase", paramLabel = "PHASE",
            description = "build or run (default: the build capture, else the run capture).")
    String phase;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    EnvShowCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        CapturePhase wanted = phase == null ? null : CapturePhase.fromKey(phase);
        AnalysisEnvironment shown;
        try (Store store = stores.openStore(locator.project())) {
            shown = store.environments().show(coordinates.event(), coordinates.analysis(), wanted);
        }
        CapturedEnvironment environment = shown.environment();
        Printer printer = new Printer(spec);
        if (json) {
            ObjectNode root = Printer.object().put("event", shown.event()).put("analysis", shown.analysis())
                    .put("phase", shown.phase().key()).put("captured_at", environment.capturedAt().toString());
            EnvironmentText.interpreterJson(root, environment);
            root.put("shared_with", shown.sharedWith());
            ArrayNode packages = root.putArray("packages");
            environment.packages().forEach(p -> packages.add(EnvironmentText.packageJson(p)));
            printer.json(root);
            return 0;
        }
        Map<String, List<PackageRecord>> byManager = new LinkedHashMap<>(); // pip first, as stored
        environment.packages().forEach(p -> byManager.computeIfAbsent(p.manager(), m -> new ArrayList<>()).add(p));
        printer.line(shown.event() + "/" + shown.analysis() + " (" + shown.phase().key() + " capture, "
                + EnvironmentText.instant(environment.capturedAt()) + ")");
        List<String[]> summary = new ArrayList<>();
        summary.add(new String[] {"  environment", EnvironmentText.interpreter(environment)});
        summary.add(new String[] {"  fingerprint", environment.fingerprint()});
        summary.add(new String[] {"  shared with", shown.sharedWith() == 0 ? "no other analysis"
                : shown.sharedWith() + (shown.sharedWith() == 1 ? " other analysis" : " other analyses")});
        summary.add(new String[] {"  packages", byManager.isEmpty() ? "none" : String.join(", ",
                byManager.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey()).toList())});
        printer.table(summary);
        for (Map.Entry<String, List<PackageRecord>> manager : byManager.entrySet()) {
            printer.line("");
            printer.line(manager.getKey());
            List<String[]> rows = new ArrayList<>();
            for (PackageRecord record : manager.getValue()) {
                rows.add(new String[] {"  " + record.name(), EnvironmentText.install(record)});
            }
            printer.table(rows);
        }
        return 0;
    }
}
