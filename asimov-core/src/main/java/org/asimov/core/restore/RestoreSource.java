package org.asimov.core.restore;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentFilesReader;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.system.OsRelease;

/**
 * What a restore recipe is made from: one capture's files as text, and the few facts of
 * environment.json the recipe needs beyond the parsed {@link CapturedEnvironment}.
 *
 * @param label            how the record is named in output and in the recipe's comments
 * @param environment      the capture, parsed
 * @param pythonExecutable asimov's {@code python_executable}, {@code null} when not recorded
 * @param os               the {@code system.os} object, {@code null} when the capture had no system part
 * @param pipText          environment-pip.txt
 * @param condaText        environment-conda.txt, {@code null} unless conda
 * @param systemText       environment-system.txt, {@code null} when the capture wrote none
 */
public record RestoreSource(String label, CapturedEnvironment environment, String pythonExecutable, OsRelease os,
        String pipText, String condaText, String systemText) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RestoreSource {
        requireNonNull(label, "label is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(pipText, "pipText is null");
    }

    public static RestoreSource parse(String label, String metadataJson, String pipText, String condaText, String systemText) {
        CapturedEnvironment environment = EnvironmentFilesReader.parse(metadataJson, pipText, condaText, systemText);
        if (environment.type() == EnvironmentType.CONDA && condaText == null) {
            throw new AsimovException(ErrorKind.NOT_FOUND, label + " is a conda environment but has no "
                    + EnvironmentFiles.CONDA + "; a conda environment cannot be rebuilt without it");
        }
        JsonNode root;
        try {
            root = JSON.readTree(metadataJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("already parsed once", e);
        }
        JsonNode os = root.path("system").path("os");
        OsRelease release = os.isObject()
                ? new OsRelease(text(os, "id"), text(os, "name"), text(os, "version_id"), text(os, "pretty_name"))
                : null;
        return new RestoreSource(label, environment, text(root, "python_executable"), release, pipText, condaText,
                systemText);
    }

    public boolean isConda() {
        return environment.type() == EnvironmentType.CONDA;
    }

    /** The recorded {@code X.Y.Z}. */
    public String pythonVersion() {
        return environment.pythonVersion();
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
