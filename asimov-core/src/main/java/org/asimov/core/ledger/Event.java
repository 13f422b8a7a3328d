package org.asimov.core.ledger;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * One event in the ledger, with its productions in asimov's shape:
 * {@code productions: [{ANALYSIS_NAME: {...}}]}.
 */
public final class Event {
    private final ObjectNode node;

    Event(ObjectNode node) {
        this.node = requireNonNull(node, "node is null");
    }

    public String name() {
        return node.path("name").asText();
    }

    /** The event's working directory: as the ledger says, else working/EVENT. */
    public Path workingDirectory(Path projectRoot, Path defaultWorking) {
        JsonNode dir = node.get("working directory");
        if (dir != null && dir.isTextual() && !dir.asText().isBlank()) {
            return projectRoot.resolve(dir.asText()).normalize();
        }
        return defaultWorking.resolve(name());
    }

    public List<Analysis> analyses() {
        List<Analysis> analyses = new ArrayList<>();
        for (JsonNode entry : productions()) {
            Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
            if (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue() instanceof ObjectNode meta) {
                    analyses.add(new Analysis(this, field.getKey(), meta));
                }
            }
        }
        return analyses;
    }

    public Optional<Analysis> analysis(String name) {
        return analyses().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Analysis requireAnalysis(String name) {
        return analysis(name).orElseThrow(() -> new AsimovException(ErrorKind.NOT_FOUND,
                "event '" + name() + "' has no analysis '" + name + "'; 'asimov report status' lists them"));
    }

    /** Adds an analysis whose ledger map is {@code meta}; a second one with the same name is a conflict. */
    public Analysis addAnalysis(String name, ObjectNode meta) {
        if (analysis(name).isPresent()) {
            throw new AsimovException(ErrorKind.CONFLICT, "event '" + name() + "' already has an analysis '"
                    + name + "'; choose another name or edit the ledger");
        }
        productions().addObject().set(name, meta);
        return new Analysis(this, name, meta);
    }

    private ArrayNode productions() {
        JsonNode productions = node.get("productions");
        if (productions instanceof ArrayNode array) {
            return array;
        }
        return node.putArray("productions");
    }
}
