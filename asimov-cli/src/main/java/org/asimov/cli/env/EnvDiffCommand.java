package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.core.environment.EnvironmentDiff;
import org.asimov.core.store.LazyResultsStore;
import org.asimov.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", description = {
        "Compare two environments: interpreter changes, and packages added, removed and changed per manager.",
        "A and B are EVENT/ANALYSIS (optionally @build or @run) of stored analyses, or directories holding",
        "environment files. Exit status 0 when they are identical, 1 when they differ, like diff."},
        exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:identical", "1:different"})
public final class EnvDiffCommand implements Callable<Integer> {
    /** diff's own convention. */
    static final int DIFFERENT = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A")
    String a;

    @Parameters(index = "1", paramLabel = "B")
    String b;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    EnvDiffCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        EnvironmentSide left;
        EnvironmentSide right;
        try (LazyResultsStore opened = new LazyResultsStore(() -> stores.openStore(locator.project()))) {
            Supplier<Store> store = () -> (Store) opened.get();
            left = EnvironmentSide.resolve(a, store);
            right = EnvironmentSide.resolve(b, store);
        }
        EnvironmentDiff diff = EnvironmentDiff.between(left.environment(), right.environment());
        Printer printer = new Printer(spec);
        if (json) {
            printer.json(json(left, right, diff));
        } else {
            text(printer, left, right, diff);
        }
        return diff.identical() ? 0 : DIFFERENT;
    }

    private static ObjectNode json(EnvironmentSide left, EnvironmentSide right, EnvironmentDiff diff) {
        ObjectNode root = Printer.object().put("identical", diff.identical());
        EnvironmentText.interpreterJson(root.putObject("a").put("label", left.label()), left.environment());
        EnvironmentText.interpreterJson(root.putObject("b").put("label", right.label()), right.environment());
        ArrayNode interpreter = root.putArray("interpreter");
        diff.interpreter().forEach(c -> interpreter.addObject().put("field", c.field()).put("a", c.a()).put("b", c.b()));
        ObjectNode managers = root.putObject("packages");
        for (Map.Entry<String, EnvironmentDiff.ManagerDiff> entry : diff.managers().entrySet()) {
            ObjectNode manager = managers.putObject(entry.getKey());
            ArrayNode added = manager.putArray("added");
            entry.getValue().added().forEach(p -> added.add(EnvironmentText.packageJson(p)));
            ArrayNode removed = manager.putArray("removed");
            entry.getValue().removed().forEach(p -> removed.add(EnvironmentText.packageJson(p)));
            ArrayNode changed = manager.putArray("changed");
            entry.getValue().changed().forEach(c -> {
                ObjectNode change = changed.addObject();
                change.set("a", EnvironmentText.packageJson(c.a()));
                change.set("b", EnvironmentText.packageJson(c.b()));
            });
        }
        return root;
    }

    private static void text(Printer printer, EnvironmentSide left, EnvironmentSide right, EnvironmentDiff diff) {
        printer.line("--- " + left.label() + "  (" + EnvironmentText.shortFingerprint(left.environment().fingerprint())
                + ", " + EnvironmentText.interpreter(left.environment()) + ")");
        printer.line("+++ " + right.label() + "  (" + EnvironmentText.shortFingerprint(right.environment().fingerprint())
                + ", " + EnvironmentText.interpreter(right.environment()) + ")");
        if (diff.identical()) {
            printer.line(left.environment().fingerprint().equals(right.environment().fingerprint())
                    ? "identical: the same environment"
                    : "identical interpreter and packages");
            return;
        }
        if (!diff.interpreter().isEmpty()) {
            printer.line("interpreter");
            List<String[]> rows = new ArrayList<>();
            diff.interpreter().forEach(c -> rows.add(new String[] {"  ~ " + c.field(),
                    orNone(c.a()) + " -> " + orNone(c.b())}));
            printer.table(rows);
        }
        for (Map.Entry<String, EnvironmentDiff.ManagerDiff> entry : diff.managers().entrySet()) {
            EnvironmentDiff.ManagerDiff packages = entry.getValue();
            if (packages.isEmpty()) {
                continue;
            }
            printer.line(entry.getKey() + ": " + packages.added().size() + " added, " + packages.removed().size()
                    + " removed, " + packages.changed().size() + " changed");
            List<String[]> rows = new ArrayList<>();
            packages.added().forEach(p -> rows.add(line("+", p.name(), EnvironmentText.install(p))));
            packages.removed().forEach(p -> rows.add(line("-", p.name(), EnvironmentText.install(p))));
            packages.changed().forEach(c -> rows.add(line("~", c.b().name(),
                    EnvironmentText.install(c.a()) + " -> " + EnvironmentText.install(c.b()))));
            printer.table(rows);
        }
    }

    private static String[] line(String mark, String name, String what) {
        return new String[] {"  " + mark + " " + name, what};
    }

    private static String orNone(String value) {
        return value == null ? "(not recorded)" : value;
    }
}
