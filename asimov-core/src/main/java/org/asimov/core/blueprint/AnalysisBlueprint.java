package org.asimov.core.blueprint;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.names.SafeName;

/**
 * {@code kind: analysis}: {@code name}, {@code event}, {@code pipeline} and the settings the
 * analysis keeps in the ledger ({@code status}, {@code needs}, {@code environment},
 * {@code command}, {@code outputs}, {@code rundir}, and anything else the pipeline reads).
 *
 * @param meta the analysis's ledger map, without {@code kind}, {@code name} and {@code event}
 */
public record AnalysisBlueprint(String source, String name, String event, String pipeline, List<String> needs,
        ObjectNode meta) implements Blueprint {
    public AnalysisBlueprint {
        requireNonNull(source, "source is null");
        SafeName.require("analysis name", name);
        SafeName.require("event name", event);
        requireNonNull(pipeline, "pipeline is null");
        needs = List.copyOf(needs);
        needs.forEach(need -> SafeName.require("analysis name in 'needs'", need));
        requireNonNull(meta, "meta is null");
    }
}
