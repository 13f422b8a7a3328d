package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.store.Store;
import org.asimov.store.environment.EnvironmentSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = {"List the distinct environments recorded and how many analyses use each.",
        "The most used come first. Environments are recorded in the results store when analyses are "
                + "uploaded."})
public final class EnvListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    EnvListCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        List<EnvironmentSummary> environments;
        try (Store store = stores.openStore(locator.project())) {
            environments = store.environments().list();
        }
        Printer printer = new Printer(spec);
        if (json) {
            ObjectNode root = Printer.object();
            ArrayNode items = root.putArray("environments");
            for (EnvironmentSummary e : environments) {
                items.addObject().put("fingerprint", e.fingerprint()).put("environment_type", e.environmentType())
                        .put("python_version", e.pythonVersion()).put("implementation", e.implementation())
                        .put("platform", e.platform()).put("first_seen", e.firstSeen().toString())
                        .put("analyses", e.analyses());
            }
            printer.json(root);
            return 0;
        }
        if (environments.isEmpty()) {
            printer.line("No environments are recorded yet: they are recorded when analyses are uploaded ('asimov monitor').");
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FINGERPRINT", "TYPE", "PYTHON", "IMPLEMENTATION", "PLATFORM", "FIRST SEEN", "ANALYSES"});
        for (EnvironmentSummary e : environments) {
            rows.add(new String[] {EnvironmentText.shortFingerprint(e.fingerprint()), e.environmentType(), e.pythonVersion(),
                    e.implementation() == null ? "-" : e.implementation(), e.platform() == null ? "-" : e.platform(),
                    EnvironmentText.instant(e.firstSeen()), Long.toString(e.analyses())});
        }
        printer.table(rows);
        printer.line(environments.size() + (environments.size() == 1 ? " environment" : " environments"));
        return 0;
    }
}
