package org.asimov.core.environment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;

/**
 * Reads a capture's files (environment.json, environment-pip.txt, environment-conda.txt for
 * conda, and environment-system.txt when the capture wrote one) back into a {@link CapturedEnvironment}. environment.json may come from this
 * implementation (with its {@code fingerprint} and {@code interpreter} objects) or from the
 * original asimov (asimov's keys only); for the latter the fingerprint is computed from the
 * files, the same way a capture computes it. The channel of each conda record comes from the
 * {@code conda.packages} object when the capture recorded it (the export text has none).
 */
public final class EnvironmentFilesReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvironmentFilesReader() {
    }

    /** Reads the files a directory holds under their asimov names. */
    public static CapturedEnvironment readDirectory(Path directory) {
        Path metadata = directory.resolve(EnvironmentFiles.METADATA);
        Path pip = directory.resolve(EnvironmentFiles.PIP);
        Path conda = directory.resolve(EnvironmentFiles.CONDA);
        Path system = directory.resolve(EnvironmentFiles.SYSTEM);
        if (!Files.isRegularFile(metadata) || !Files.isRegularFile(pip)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, directory + " holds no captured environment: "
                    + EnvironmentFiles.METADATA + " and " + EnvironmentFiles.PIP + " are both needed");
        }
        return read(metadata, pip, Files.isRegularFile(conda) ? conda : null, Files.isRegularFile(system) ? system : null);
    }

    /** @param conda {@code null} unless the environment is a conda one */
    public static CapturedEnvironment read(Path metadata, Path pip, Path conda) {
        return read(metadata, pip, conda, null);
    }

    /**
     * @param conda  {@code null} unless the environment is a conda one
     * @param system environment-system.txt, {@code null} when the capture wrote none
     */
    public static CapturedEnvironment read(Path metadata, Path pip, Path conda, Path system) {
        return parse(text(metadata), text(pip), conda == null ? null : text(conda), system == null ? null : text(system));
    }

    /** The same from the files' contents; {@code condaText} is {@code null} unless conda. */
    public static CapturedEnvironment parse(String metadataJson, String pipText, String condaText) {
        return parse(metadataJson, pipText, condaText, null);
    }

    /** The same with environment-system.txt's content, {@code null} when there is none. */
    public static CapturedEnvironment parse(String metadataJson, String pipText, String condaText, String systemText) {
        JsonNode root;
        try {
            root = JSON.readTree(metadataJson);
        } catch (JsonProcessingException e) {
            throw invalid("is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("is not a JSON object");
        }
        EnvironmentType type = type(root);
        String sysVersion = optionalText(root, "python_version");
        JsonNode interpreter = root.path("interpreter");
        String version = optionalText(interpreter, "version");
        if (version == null) {
            version = shortVersion(sysVersion);
        }
        String implementation = optionalText(interpreter, "implementation");
        String platform = optionalText(interpreter, "platform");
        Instant capturedAt = timestamp(optionalText(root, "timestamp"));

        List<PackageRecord> packages = new ArrayList<>(PipFreezeParser.parse(pipText));
        if (condaText != null) {
            JsonNode recorded = root.path("conda").path("packages");
            for (PackageRecord record : CondaExportParser.parse(condaText)) {
                String channel = optionalText(recorded.path(record.name()), "channel");
                packages.add(record.channel() != null || channel == null ? record
                        : PackageRecord.conda(record.name(), record.version(), record.build(), channel));
            }
        }
        if (systemText != null) {
            packages.addAll(SystemPackagesParser.parse(systemText));
        }
        String fingerprint = optionalText(root.path("fingerprint"), "value");
        if (fingerprint == null) {
            fingerprint = Fingerprint.of(new InterpreterInfo(sysVersion == null ? "" : sysVersion, version,
                    implementation == null ? "" : implementation, "", "", "", List.of(), platform == null ? "" : platform),
                    pipText, condaText);
        }
        try {
            return new CapturedEnvironment(fingerprint, type, version, sysVersion, implementation, platform, capturedAt,
                    packages);
        } catch (IllegalArgumentException e) {
            throw invalid("has a bad fingerprint: " + e.getMessage());
        }
    }

    private static EnvironmentType type(JsonNode root) {
        String key = optionalText(root, "environment_type");
        if (key == null) {
            throw invalid("has no environment_type");
        }
        try {
            return EnvironmentType.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw invalid("has environment_type '" + key + "'; expected conda, virtualenv or system");
        }
    }

    /** {@code 3.11.7 (main, Dec  4 2023, ...) [GCC 12.2.0]} → {@code 3.11.7}. */
    private static String shortVersion(String sysVersion) {
        if (sysVersion == null || sysVersion.isBlank()) {
            throw invalid("has no python_version");
        }
        return sysVersion.strip().split("\\s+", 2)[0];
    }

    /**
     * asimov writes Python's {@code isoformat()}: with an offset when the time was aware, without
     * one when it was naive (taken as UTC, which is what asimov meant). No timestamp at all
     * cannot be told apart from "now", so it is refused.
     */
    private static Instant timestamp(String text) {
        if (text == null) {
            throw invalid("has no timestamp");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw invalid("has a timestamp that is not ISO 8601: '" + text + "'");
            }
        }
    }

    /** A non-empty string value of {@code node}, {@code null} when absent, empty or not a string. */
    public static String optionalText(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    /** A record file's text (UTF-8); failure to read it is an {@link ErrorKind#IO} error naming the file. */
    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static AsimovException invalid(String problem) {
        return new AsimovException(ErrorKind.INVALID_INPUT, EnvironmentFiles.METADATA + " " + problem);
    }
}
