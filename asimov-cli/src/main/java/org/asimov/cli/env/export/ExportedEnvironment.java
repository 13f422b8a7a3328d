package org.asimov.cli.env.export;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.cli.env.EnvironmentFileSet;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentFilesReader;
import org.asimov.core.system.OsRelease;

/**
 * One capture as the exports need it: the parsed record, the files' texts as recorded, and what
 * environment.json says beyond the record (the machine, conda's subdirs).
 *
 * @param label          what the user named the record by
 * @param environment    the parsed record
 * @param metadataText   environment.json as recorded
 * @param pipText        environment-pip.txt as recorded
 * @param condaText      environment-conda.txt as recorded, {@code null} unless conda
 * @param pythonExecutable asimov's {@code python_executable}, {@code null} when absent
 * @param condaEnvName   asimov's {@code conda_env_name}, {@code null} unless conda
 * @param os             the {@code system.os} object, {@link OsRelease#UNKNOWN} when not captured
 * @param architecture   {@code system.architecture} ({@code uname -m}), {@code null} when not captured
 * @param kernel         {@code system.kernel}, {@code null} when not captured
 * @param condaSubdirs   each conda record's own subdir, as recorded; empty for older records, whose
 *                       export header names the platform but not which packages are noarch
 */
public record ExportedEnvironment(
        String label,
        CapturedEnvironment environment,
        String metadataText,
        String pipText,
        String condaText,
        String pythonExecutable,
        String condaEnvName,
        OsRelease os,
        String architecture,
        String kernel,
        Map<String, String> condaSubdirs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ExportedEnvironment {
        requireNonNull(label, "label is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(metadataText, "metadataText is null");
        requireNonNull(pipText, "pipText is null");
        requireNonNull(os, "os is null");
        condaSubdirs = Map.copyOf(requireNonNull(condaSubdirs, "condaSubdirs is null"));
    }

    /** Reads a record's files. */
    public static ExportedEnvironment read(EnvironmentFileSet files) {
        return parse(files.label(), text(files.metadata()), text(files.pip()),
                files.conda() == null ? null : text(files.conda()), files.system() == null ? null : text(files.system()));
    }

    /** The same from the files' contents; {@code condaText} and {@code systemText} may be {@code null}. */
    public static ExportedEnvironment parse(String label, String metadataText, String pipText, String condaText,
            String systemText) {
        CapturedEnvironment environment = EnvironmentFilesReader.parse(metadataText, pipText, condaText, systemText);
        JsonNode root;
        try {
            root = JSON.readTree(metadataText);
        } catch (IOException e) {
            throw new IllegalStateException("the reader has already parsed this JSON", e);
        }
        JsonNode system = root.path("system");
        JsonNode os = system.path("os");
        Map<String, String> subdirs = new LinkedHashMap<>();
        root.path("conda").path("packages").properties().forEach(entry -> {
            String subdir = text(entry.getValue(), "subdir");
            if (subdir != null) {
                subdirs.put(entry.getKey(), subdir);
            }
        });
        return new ExportedEnvironment(label, environment, metadataText, pipText, condaText,
                text(root, "python_executable"), text(root, "conda_env_name"),
                new OsRelease(text(os, "id"), text(os, "name"), text(os, "version_id"), text(os, "pretty_name")),
                text(system, "architecture"), text(system, "kernel"), subdirs);
    }

    /** Whether the capture recorded the machine (environment.json's {@code system} object). */
    public boolean hasOs() {
        return os.id() != null || os.name() != null;
    }

    private static String text(JsonNode node, String key) {
        return EnvironmentFilesReader.optionalText(node, key);
    }

    private static String text(Path file) {
        return EnvironmentFilesReader.text(file);
    }
}
