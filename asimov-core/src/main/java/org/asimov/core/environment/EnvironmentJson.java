package org.asimov.core.environment;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.io.PrettyJson;
import org.asimov.core.system.SystemJson;
import org.asimov.core.system.SystemReport;

/**
 * Renders environment.json. asimov's own keys come first and keep their names
 * ({@code timestamp}, {@code environment_type}, {@code python_version}, {@code python_executable},
 * {@code conda_env_name}); what this implementation adds lives in named objects beside them.
 */
public final class EnvironmentJson {
    /** Python's {@code datetime.isoformat()} of an aware UTC time, which asimov writes. */
    private static final DateTimeFormatter ISO_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private EnvironmentJson() {
    }

    public static ObjectNode toTree(EnvironmentSnapshot snapshot) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("timestamp", ISO_UTC.format(snapshot.timestamp()));
        root.put("environment_type", snapshot.type().key());
        root.put("python_version", snapshot.interpreter().sysVersion());
        root.put("python_executable", snapshot.interpreter().executable());
        if (snapshot.condaEnvName() != null) {
            root.put("conda_env_name", snapshot.condaEnvName());
        }
        ObjectNode fingerprint = root.putObject("fingerprint");
        fingerprint.put("algorithm", "sha256");
        fingerprint.put("value", snapshot.fingerprint());

        InterpreterInfo interpreter = snapshot.interpreter();
        ObjectNode python = root.putObject("interpreter");
        python.put("implementation", interpreter.implementation());
        python.put("version", interpreter.version());
        python.put("platform", interpreter.platform());
        python.put("prefix", interpreter.prefix());
        python.put("base_prefix", interpreter.basePrefix());
        ArrayNode path = python.putArray("sys_path");
        // loops, not method references: each reference's first use links a call site, cold, and
        // two of these (overloaded put and add) are ones the class-data archive cannot hold
        for (String entry : interpreter.sysPath()) {
            path.add(entry);
        }

        ObjectNode counts = root.putObject("packages");
        Map<String, Long> perManager = new TreeMap<>();
        for (PackageRecord record : snapshot.packages()) {
            perManager.merge(record.manager(), 1L, Long::sum);
        }
        for (Map.Entry<String, Long> count : perManager.entrySet()) {
            counts.put(count.getKey(), count.getValue());
        }

        if (snapshot.isConda()) {
            conda(root.putObject("conda"), snapshot);
        }

        ObjectNode capture = root.putObject("capture");
        capture.put("tool", "asimov-java");
        ArrayNode warnings = capture.putArray("warnings");
        for (String warning : snapshot.warnings()) {
            warnings.add(warning);
        }
        ObjectNode timings = capture.putObject("timings_ms");
        for (Map.Entry<String, Long> timing : new TreeMap<>(snapshot.timingsMillis()).entrySet()) {
            timings.put(timing.getKey(), timing.getValue());
        }
        return root;
    }

    /**
     * What {@code conda list --export} leaves out and a package URL needs: the platform subdir,
     * and for each conda record by name its channel (conda's canonical name, e.g.
     * {@code conda-forge}) and its own subdir ({@code noarch} for noarch packages), each only when
     * known. Not part of the fingerprint, which covers the export text alone.
     */
    private static void conda(ObjectNode conda, EnvironmentSnapshot snapshot) {
        String subdir = CondaExportParser.platform(snapshot.condaExport());
        if (subdir != null) {
            conda.put("subdir", subdir);
        }
        Map<String, ObjectNode> byName = new TreeMap<>();
        for (PackageRecord record : snapshot.packages()) {
            if (record.manager().equals("conda") && !byName.containsKey(record.name())) {
                ObjectNode known = JsonNodeFactory.instance.objectNode();
                if (record.channel() != null) {
                    known.put("channel", record.channel());
                }
                String own = snapshot.condaSubdirs().get(record.name());
                if (own != null) {
                    known.put("subdir", own);
                }
                byName.put(record.name(), known);
            }
        }
        ObjectNode packages = conda.putObject("packages");
        for (Map.Entry<String, ObjectNode> known : byName.entrySet()) {
            packages.set(known.getKey(), known.getValue());
        }
    }

    /** environment.json with the system report's objects ({@code system}, {@code libraries}, {@code container}, {@code variables}). */
    public static ObjectNode toTree(EnvironmentSnapshot snapshot, SystemReport system) {
        ObjectNode root = toTree(snapshot);
        SystemJson.addTo(root, system);
        return root;
    }

    public static String render(EnvironmentSnapshot snapshot, SystemReport system) {
        return write(toTree(snapshot, system));
    }

    public static String render(EnvironmentSnapshot snapshot) {
        return write(toTree(snapshot));
    }

    private static String write(ObjectNode tree) {
        return PrettyJson.write(tree) + "\n";
    }
}
