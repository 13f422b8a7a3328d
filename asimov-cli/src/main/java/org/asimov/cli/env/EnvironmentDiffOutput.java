package org.asimov.cli.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.output.Printer;
import org.asimov.core.environment.EnvironmentDiff;

/** How an {@link EnvironmentDiff} is printed, by {@code env diff} and by {@code env restore --verify}. */
final class EnvironmentDiffOutput {
    private EnvironmentDiffOutput() {
    }

    static ObjectNode json(EnvironmentSide left, EnvironmentSide right, EnvironmentDiff diff) {
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

    static void text(Printer printer, EnvironmentSide left, EnvironmentSide right, EnvironmentDiff diff) {
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
