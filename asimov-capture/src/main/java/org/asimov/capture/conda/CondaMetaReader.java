package org.asimov.capture.conda;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code <prefix>/conda-meta/*.json} the way conda's {@code PrefixData.load} and
 * {@code _load_single_record} do, but never fails: where conda raises
 * ({@code CorruptedEnvironmentError}, a missing key) or silently ignores a record, we leave the
 * record out and say so in a warning.
 */
public final class CondaMetaReader {
    private static final Logger log = LoggerFactory.getLogger(CondaMetaReader.class);

    // conda reads records with Python's json, which accepts NaN and Infinity.
    private final ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** The records by package name, and what could not be read. */
    public record Result(Map<String, CondaMetaRecord> records, List<String> warnings) {
        public Result {
            records = Collections.unmodifiableMap(new LinkedHashMap<>(records));
            warnings = List.copyOf(warnings);
        }
    }

    public Result read(Path prefix) {
        Path condaMeta = prefix.resolve("conda-meta");
        List<String> warnings = new ArrayList<>();
        Map<String, CondaMetaRecord> records = new LinkedHashMap<>();
        if (!Files.exists(condaMeta, LinkOption.NOFOLLOW_LINKS)) {
            return new Result(records, warnings);
        }
        for (Path file : recordFiles(condaMeta, warnings)) {
            CondaMetaRecord record = readOne(file, warnings);
            if (record == null) {
                continue;
            }
            CondaMetaRecord previous = records.put(record.name(), record);
            if (previous != null) {
                // conda keeps whichever file the directory listing yields last, which depends on
                // the file system; we make it deterministic (file name order) and say so.
                warnings.add("conda-meta has two records for '" + record.name() + "' ("
                        + previous.fileName() + ", " + record.fileName() + "); listing "
                        + record.fileName() + " as conda would list only one of them");
            }
        }
        return new Result(records, warnings);
    }

    /** {@code *.json} entries, except AppleDouble {@code ._*} files, as conda filters them. */
    private static List<Path> recordFiles(Path condaMeta, List<String> warnings) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(condaMeta)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".json") && !name.startsWith("._")) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            warnings.add("cannot list " + condaMeta + ": " + e.getMessage());
        }
        files.sort(null);
        return files;
    }

    private CondaMetaRecord readOne(Path file, List<String> warnings) {
        String fileName = file.getFileName().toString();
        JsonNode data;
        try {
            data = json.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            warnings.add("conda-meta/" + fileName + " is not valid JSON, left out (conda list would stop with "
                    + "CorruptedEnvironmentError): " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            warnings.add("cannot read conda-meta/" + fileName + ", left out: " + e);
            return null;
        }
        if (data == null || !data.isObject()) {
            warnings.add("conda-meta/" + fileName + " is not a JSON object, left out");
            return null;
        }
        String name = text(data, "name");
        String version = text(data, "version");
        String build = text(data, "build");
        if (name == null || version == null || build == null) {
            warnings.add("conda-meta/" + fileName + " lacks a string name, version or build, left out");
            return null;
        }
        // conda checks that the file name is <name>-<version>-<build>.json and ignores the record
        // (with a log warning only) when it is not; it was introduced against stale files.
        String[] parts = PythonText.rsplit(fileName.substring(0, fileName.length() - ".json".length()), '-', 2);
        if (parts.length != 3 || !parts[0].equals(name) || !parts[1].equals(version) || !parts[2].equals(build)) {
            warnings.add("conda-meta/" + fileName + " does not match its content (" + name + "-" + version + "-"
                    + build + "); left out, as conda ignores it");
            return null;
        }
        List<String> files = strings(data, "files");
        List<String> depends = strings(data, "depends");
        if (files == null || depends == null) {
            warnings.add("conda-meta/" + fileName + " has a 'files' or 'depends' that is not a list of strings, left out");
            return null;
        }
        JsonNode buildNumber = data.get("build_number");
        if (buildNumber == null || !(buildNumber.isIntegralNumber() || buildNumber.isBoolean())) {
            // conda validates build_number as an int when it builds the PrefixRecord and stops with
            // an unexpected error; the record is otherwise readable, so it is listed
            warnings.add("conda-meta/" + fileName + " has no integer build_number (conda list would stop with an "
                    + "error); listed anyway");
        }
        String channel = text(data, "channel");
        if (channel == null) {
            channel = text(data, "schannel");
        }
        log.debug("read conda record {}", fileName);
        return new CondaMetaRecord(fileName, name, version, build, channel, text(data, "subdir"), text(data, "url"),
                files, depends, text(data, "python_site_packages_path"));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The list of strings in {@code field}; empty when absent or null, {@code null} when malformed. */
    private static List<String> strings(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            return null;
        }
        List<String> result = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                return null;
            }
            result.add(element.asText());
        }
        return result;
    }
}
