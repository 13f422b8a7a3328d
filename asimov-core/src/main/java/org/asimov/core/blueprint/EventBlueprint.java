package org.asimov.core.blueprint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.names.SafeName;

/**
 * {@code kind: event}: a name and optionally a {@code working directory}. Other keys of the
 * document are kept in {@code node} and go into the ledger as they are.
 */
public record EventBlueprint(String source, String name, ObjectNode node) implements Blueprint {
    public EventBlueprint {
        requireNonNull(source, "source is null");
        SafeName.require("event name", name);
        requireNonNull(node, "node is null");
    }
}
