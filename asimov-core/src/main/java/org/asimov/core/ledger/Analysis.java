package org.asimov.core.ledger;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One analysis (asimov calls it a production) as the ledger holds it. A view over the ledger's
 * YAML tree: keys this class does not know are kept as they are, so nothing a user or another
 * tool wrote is lost when asimov saves the ledger.
 */
public final class Analysis {
    public static final String DEFAULT_OUTPUTS = "results/**";

    private final Event event;
    private final String name;
    private final ObjectNode meta;

    Analysis(Event event, String name, ObjectNode meta) {
        this.event = requireNonNull(event, "event is null");
        this.name = requireNonNull(name, "name is null");
        this.meta = requireNonNull(meta, "meta is null");
    }

    public Event event() {
        return event;
    }

    public String name() {
        return name;
    }

    /** "EVENT/ANALYSIS", the way people and commands refer to an analysis. */
    public String qualifiedName() {
        return event.name() + "/" + name;
    }

    /** The analysis's own map in the ledger: asimov's {@code production.meta}. */
    public ObjectNode meta() {
        return meta;
    }

    public String pipeline() {
        return text("pipeline").orElse("");
    }

    public Status status() {
        return text("status").map(Status::fromKey).orElse(Status.READY);
    }

    public void setStatus(Status status) {
        meta.put("status", status.key());
    }

    public List<String> needs() {
        return strings(meta.get("needs"));
    }

    public Optional<String> command() {
        return text("command");
    }

    public List<String> outputs() {
        List<String> outputs = strings(meta.get("outputs"));
        return outputs.isEmpty() ? List.of(DEFAULT_OUTPUTS) : outputs;
    }

    /**
     * The Python executable or environment prefix the analysis runs in, as the blueprint gave
     * it. The ledger keeps it as {@code environment: {target: ...}} because asimov's
     * {@code environment} key also holds the capture record.
     */
    public Optional<String> environmentTarget() {
        JsonNode environment = meta.get("environment");
        if (environment == null) {
            return Optional.empty();
        }
        if (environment.isTextual()) {
            return Optional.of(environment.asText());
        }
        JsonNode target = environment.get("target");
        return target != null && target.isTextual() ? Optional.of(target.asText()) : Optional.empty();
    }

    /** The {@code environment} map, created (and any legacy plain-string form folded in) on demand. */
    public ObjectNode environmentMeta() {
        JsonNode environment = meta.get("environment");
        if (environment instanceof ObjectNode object) {
            return object;
        }
        ObjectNode created = meta.putObject("environment");
        if (environment != null && environment.isTextual()) {
            created.put("target", environment.asText());
        }
        return created;
    }

    public boolean environmentCaptured() {
        JsonNode environment = meta.get("environment");
        return environment != null && environment.path("captured_at").asBoolean(false);
    }

    /** The run directory: {@code rundir} when set (relative to the project root), else working/EVENT/ANALYSIS. */
    public Path runDirectory(Path projectRoot, Path workingDirectory) {
        return text("rundir").map(dir -> projectRoot.resolve(dir).normalize())
                .orElseGet(() -> event.workingDirectory(projectRoot, workingDirectory).resolve(name));
    }

    private Optional<String> text(String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
