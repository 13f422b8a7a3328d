package org.asimov.core.blueprint;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.ledger.Event;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.pipeline.PipelineRegistry;

/**
 * Adds the events and analyses of a blueprint file to the ledger, in file order. Any problem
 * with any document throws before the caller saves, so a bad file changes nothing.
 */
public final class BlueprintApplier {
    private final PipelineRegistry pipelines;

    public BlueprintApplier(PipelineRegistry pipelines) {
        this.pipelines = requireNonNull(pipelines, "pipelines is null");
    }

    /** Returns one line per document saying what was added. */
    public List<String> apply(Ledger ledger, List<Blueprint> blueprints) {
        List<String> added = new ArrayList<>();
        for (Blueprint blueprint : blueprints) {
            try {
                added.add(blueprint instanceof EventBlueprint event
                        ? addEvent(ledger, event)
                        : addAnalysis(ledger, (AnalysisBlueprint) blueprint));
            } catch (AsimovException e) {
                throw new AsimovException(e.kind(), blueprint.source() + ": " + e.getMessage(), e);
            }
        }
        return added;
    }

    private static String addEvent(Ledger ledger, EventBlueprint blueprint) {
        ObjectNode node = blueprint.node().deepCopy();
        if (!node.has("productions")) {
            node.putArray("productions");
        }
        ledger.addEvent(node);
        return "event " + blueprint.name();
    }

    private String addAnalysis(Ledger ledger, AnalysisBlueprint blueprint) {
        Event event = ledger.event(blueprint.event()).orElseThrow(() -> new AsimovException(ErrorKind.NOT_FOUND,
                "analysis '" + blueprint.name() + "' is for event '" + blueprint.event()
                        + "', which is not in the ledger; apply its event blueprint first"));
        pipelines.require(blueprint.pipeline());
        for (String need : blueprint.needs()) {
            if (event.analysis(need).isEmpty()) {
                throw new AsimovException(ErrorKind.NOT_FOUND, "analysis '" + blueprint.name() + "' needs '" + need
                        + "', which event '" + event.name() + "' does not have; add it first");
            }
        }
        event.addAnalysis(blueprint.name(), blueprint.meta().deepCopy());
        return "analysis " + blueprint.event() + "/" + blueprint.name() + " (pipeline " + blueprint.pipeline() + ")";
    }
}
