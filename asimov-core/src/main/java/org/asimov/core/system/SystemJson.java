package org.asimov.core.system;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link SystemReport} into environment.json's {@code system}, {@code libraries},
 * {@code container} and (only when recorded) {@code variables} objects. Its warnings and
 * timings join the {@code capture} object, so a reader finds every warning in one place.
 */
public final class SystemJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SystemJson() {
    }

    /** Adds the report's objects to {@code root}, an environment.json tree. */
    public static void addTo(ObjectNode root, SystemReport report) {
        root.set("system", system(report.system()));
        root.set("libraries", libraries(report.libraries()));
        root.set("container", container(report.container()));
        if (report.variables() != null) {
            ObjectNode variables = root.putObject("variables");
            report.variables().forEach(variables::put);
        }
        ObjectNode capture = root.withObjectProperty("capture");
        ArrayNode warnings = capture.withArrayProperty("warnings");
        report.warnings().forEach(warnings::add);
        ObjectNode timings = capture.withObjectProperty("timings_ms");
        new TreeMap<>(report.timingsMillis()).forEach((step, ms) -> timings.put("system." + step, ms));
    }

    static ObjectNode system(SystemInfo info) {
        ObjectNode system = NODES.objectNode();
        ObjectNode os = system.putObject("os");
        os.put("id", info.os().id());
        os.put("name", info.os().name());
        os.put("version_id", info.os().versionId());
        os.put("pretty_name", info.os().prettyName());
        system.put("kernel", info.kernel());
        system.put("architecture", info.architecture());
        ObjectNode libc = system.putObject("libc");
        libc.put("name", info.libc().name());
        libc.put("version", info.libc().version());
        libc.put("path", info.libc().path());
        ObjectNode cpu = system.putObject("cpu");
        cpu.put("model", info.cpu().model());
        cpu.put("logical_cpus", info.cpu().logicalCpus());
        ArrayNode flags = cpu.putArray("flags");
        info.cpu().flags().forEach(flags::add);
        system.put("memory_bytes", info.memoryBytes());
        ArrayNode gpus = system.putArray("gpus");
        for (Gpu gpu : info.gpus()) {
            ObjectNode node = gpus.addObject();
            node.put("name", gpu.name());
            node.put("driver_version", gpu.driverVersion());
            node.put("memory", gpu.memory());
        }
        if (info.hostname() != null) {
            system.put("hostname", info.hostname());
        }
        return system;
    }

    static ObjectNode libraries(LibraryReport report) {
        ObjectNode libraries = NODES.objectNode();
        if (report.searchPath() != null) {
            libraries.put("ld_library_path", report.searchPath());
        }
        if (report.interpreter() != null) {
            libraries.set("interpreter", loaded(report.interpreter()));
        }
        ArrayNode extensions = libraries.putArray("extensions");
        report.extensions().forEach(extension -> extensions.add(loaded(extension)));
        ArrayNode loaded = libraries.putArray("libraries");
        for (SharedLibrary library : report.libraries()) {
            ObjectNode node = loaded.addObject();
            node.put("path", library.path());
            node.put("real_path", library.realPath());
            node.set("owner", owner(library.owner()));
        }
        ArrayNode packages = libraries.putArray("os_packages");
        report.osPackages().forEach(owner -> packages.add(owner.line()));
        return libraries;
    }

    private static ObjectNode loaded(LoadedObject object) {
        ObjectNode node = NODES.objectNode();
        node.put("path", object.path());
        node.set("owner", owner(object.owner()));
        ObjectNode needed = node.putObject("needed");
        object.needed().forEach(needed::put);
        return node;
    }

    private static JsonNode owner(LibraryOwner owner) {
        if (owner == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        node.put("manager", owner.manager());
        node.put("name", owner.name());
        node.put("version", owner.version());
        return node;
    }

    static ObjectNode container(ContainerInfo info) {
        ObjectNode container = NODES.objectNode();
        container.put("runtime", info.runtime());
        container.put("id", info.id());
        container.put("image", info.image());
        container.put("image_id", info.imageId());
        container.put("image_path", info.imagePath());
        container.put("image_sha256", info.imageSha256());
        ObjectNode details = container.putObject("details");
        for (Map.Entry<String, String> detail : info.details().entrySet()) {
            details.put(detail.getKey(), detail.getValue());
        }
        return container;
    }
}
