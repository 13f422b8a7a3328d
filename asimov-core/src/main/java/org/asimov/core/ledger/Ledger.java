package org.asimov.core.ledger;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * The project ledger in asimov's shape: {@code asimov: {version}}, {@code project: {name}},
 * {@code events: [...]}. A view over the YAML tree, which is kept whole so that keys written by
 * other asimov tools survive our saves.
 */
public final class Ledger {
    private final ObjectNode root;

    public Ledger(ObjectNode root) {
        this.root = requireNonNull(root, "root is null");
    }

    public static Ledger create(String projectName, String asimovVersion) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("asimov").put("version", asimovVersion);
        root.putObject("project").put("name", projectName);
        root.putArray("events");
        return new Ledger(root);
    }

    public ObjectNode root() {
        return root;
    }

    public String projectName() {
        return root.path("project").path("name").asText("");
    }

    public List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (JsonNode node : eventsArray()) {
            if (node instanceof ObjectNode object) {
                events.add(new Event(object));
            }
        }
        return events;
    }

    public Optional<Event> event(String name) {
        return events().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Event requireEvent(String name) {
        return event(name).orElseThrow(() -> new AsimovException(ErrorKind.NOT_FOUND,
                "no event '" + name + "' in the ledger; add it with 'asimov apply -f' an event blueprint"));
    }

    public Analysis requireAnalysis(String event, String analysis) {
        return requireEvent(event).requireAnalysis(analysis);
    }

    public Event addEvent(ObjectNode eventNode) {
        String name = eventNode.path("name").asText();
        if (event(name).isPresent()) {
            throw new AsimovException(ErrorKind.CONFLICT, "the ledger already has an event '" + name + "'");
        }
        eventsArray().add(eventNode);
        return new Event(eventNode);
    }

    public List<Analysis> analyses() {
        List<Analysis> all = new ArrayList<>();
        events().forEach(e -> all.addAll(e.analyses()));
        return all;
    }

    private ArrayNode eventsArray() {
        JsonNode events = root.get("events");
        if (events instanceof ArrayNode array) {
            return array;
        }
        return root.putArray("events");
    }
}
