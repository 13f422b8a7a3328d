package org.asimov.cli.output;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.lifecycle.Outcome;

/** Prints the outcomes of a lifecycle step, and says whether any failed. */
public final class OutcomeReport {
    private OutcomeReport() {
    }

    /** @return the exit status: 0, or the status of a failure when any analysis failed */
    public static int print(Printer printer, String step, List<Outcome> outcomes, boolean json, int failureStatus) {
        if (json) {
            ObjectNode root = Printer.object();
            root.put("step", step);
            ArrayNode items = root.putArray("analyses");
            for (Outcome outcome : outcomes) {
                items.addObject()
                        .put("event", outcome.event())
                        .put("analysis", outcome.analysis())
                        .put("result", outcome.result().name().toLowerCase(java.util.Locale.ROOT))
                        .put("message", outcome.message());
            }
            printer.json(root);
        } else if (outcomes.isEmpty()) {
            printer.line(step + ": nothing to do");
        } else {
            for (Outcome outcome : outcomes) {
                String line = marker(outcome.result()) + " " + outcome.qualifiedName() + ": " + outcome.message();
                if (outcome.result() == Outcome.Result.FAILED) {
                    printer.warn(line);
                } else {
                    printer.line(line);
                }
            }
        }
        return outcomes.stream().anyMatch(o -> o.result() == Outcome.Result.FAILED) ? failureStatus : 0;
    }

    private static String marker(Outcome.Result result) {
        return switch (result) {
            case DONE -> "ok     ";
            case SKIPPED -> "skip   ";
            case WOULD -> "dry-run";
            case FAILED -> "FAILED ";
        };
    }
}
