package org.asimov.core.blueprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.io.Yaml;
import org.asimov.core.ledger.Status;

/**
 * Reads a blueprint file: one or more YAML documents, each {@code kind: event} or
 * {@code kind: analysis}. Every document is checked before any is returned, so a bad file
 * changes nothing.
 */
public final class BlueprintReader {
    private static final Set<String> ANALYSIS_KEYS_NOT_KEPT = Set.of("kind", "name", "event");

    private BlueprintReader() {
    }

    public static List<Blueprint> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AsimovException(e instanceof java.nio.file.NoSuchFileException ? ErrorKind.NOT_FOUND : ErrorKind.IO,
                    "could not read blueprint " + file + ": " + AtomicFiles.describe(e), e);
        }
        return parse(text, file.toString());
    }

    public static List<Blueprint> parse(String text, String sourceName) {
        List<JsonNode> documents = Yaml.readDocuments(text, sourceName);
        if (documents.isEmpty()) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, sourceName + ": the blueprint file holds no documents");
        }
        List<Blueprint> blueprints = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String source = sourceName + " (document " + (i + 1) + ")";
            blueprints.add(toBlueprint(documents.get(i), source));
        }
        return blueprints;
    }

    private static Blueprint toBlueprint(JsonNode document, String source) {
        if (!(document instanceof ObjectNode node)) {
            throw invalid(source, "each document must be a mapping with a 'kind'");
        }
        String kind = requiredText(node, "kind", source);
        try {
            return switch (kind) {
                case "event" -> new EventBlueprint(source, requiredText(node, "name", source), eventNode(node));
                case "analysis" -> analysis(node, source);
                default -> throw invalid(source, "unknown kind '" + kind + "'; expected 'event' or 'analysis'");
            };
        } catch (AsimovException e) {
            if (e.getMessage().startsWith(source)) {
                throw e;
            }
            throw invalid(source, e.getMessage());
        }
    }

    private static ObjectNode eventNode(ObjectNode document) {
        ObjectNode node = document.deepCopy();
        node.remove("kind");
        return node;
    }

    private static AnalysisBlueprint analysis(ObjectNode document, String source) {
        String name = requiredText(document, "name", source);
        String event = requiredText(document, "event", source);
        String pipeline = requiredText(document, "pipeline", source);
        ObjectNode meta = document.deepCopy();
        meta.remove(ANALYSIS_KEYS_NOT_KEPT);
        meta.put("status", Status.fromKey(meta.path("status").asText(Status.READY.key())).key());
        List<String> needs = stringList(meta, "needs", source);
        stringList(meta, "outputs", source);
        JsonNode environment = meta.get("environment");
        if (environment != null) {
            if (!environment.isTextual() || environment.asText().isBlank()) {
                throw invalid(source, "'environment' must be the path of a Python executable or an environment prefix");
            }
            meta.putObject("environment").put("target", environment.asText());
        }
        JsonNode command = meta.get("command");
        if (command != null && !command.isTextual()) {
            throw invalid(source, "'command' must be a string, run by /bin/sh in the run directory");
        }
        return new AnalysisBlueprint(source, name, event, pipeline, needs, meta);
    }

    private static List<String> stringList(ObjectNode node, String key, String source) {
        JsonNode value = node.get(key);
        List<String> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (value.isTextual()) {
            values.add(value.asText());
            node.putArray(key).add(value.asText());
            return values;
        }
        if (!(value instanceof ArrayNode array)) {
            throw invalid(source, "'" + key + "' must be a list of strings");
        }
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw invalid(source, "'" + key + "' must be a list of strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static String requiredText(ObjectNode node, String key, String source) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw invalid(source, "missing '" + key + "'");
        }
        if (!value.isValueNode()) {
            throw invalid(source, "'" + key + "' must be a plain value");
        }
        return value.asText();
    }

    private static AsimovException invalid(String source, String problem) {
        return new AsimovException(ErrorKind.INVALID_INPUT, source + ": " + problem);
    }
}
