package org.asimov.capture.conda;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asimov.core.logging.LazyLogger;

/**
 * Reads {@code <prefix>/conda-meta/*.json} the way conda's {@code PrefixData.load} and
 * {@code _load_single_record} do, but never fails: where conda raises
 * ({@code CorruptedEnvironmentError}, a missing key) or silently ignores a record, we leave the
 * record out and say so in a warning.
 */
public final class CondaMetaReader {
    /** Every env capture builds a reader (the system part's owners use one), few read conda records. */
    private static final LazyLogger log = LazyLogger.of(CondaMetaReader.class);

    /**
     * Made on the first read of a conda-meta record, not with the reader: a mapper's start-up is
     * about 40 ms of a cold process, which a capture of a plain venv should not pay.
     */
    private static final class Json {
        // conda reads records with Python's json, which accepts NaN and Infinity.
        static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    }

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
        } catch (IOException | DirectoryIteratorException e) {
            warnings.add("cannot list " + condaMeta + ": " + e.getMessage());
        }
        files.sort(null);
        return files;
    }

    private CondaMetaRecord readOne(Path file, List<String> warnings) {
        String fileName = file.getFileName().toString();
        Fields data;
        try {
            data = parse(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            warnings.add("conda-meta/" + fileName + " is not valid JSON, left out (conda list would stop with "
                    + "CorruptedEnvironmentError): " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            warnings.add("cannot read conda-meta/" + fileName + ", left out: " + e);
            return null;
        }
        if (data == null) {
            warnings.add("conda-meta/" + fileName + " is not a JSON object, left out");
            return null;
        }
        String name = data.text("name");
        String version = data.text("version");
        String build = data.text("build");
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
        List<String> files = data.strings("files");
        List<String> depends = data.strings("depends");
        if (files == null || depends == null) {
            warnings.add("conda-meta/" + fileName + " has a 'files' or 'depends' that is not a list of strings, left out");
            return null;
        }
        if (!data.integralBuildNumber) {
            // conda validates build_number as an int when it builds the PrefixRecord and stops with
            // an unexpected error; the record is otherwise readable, so it is listed
            warnings.add("conda-meta/" + fileName + " has no integer build_number (conda list would stop with an "
                    + "error); listed anyway");
        }
        String channel = data.text("channel");
        if (channel == null) {
            channel = data.text("schannel");
        }
        log.get().debug("read conda record {}", fileName);
        return new CondaMetaRecord(fileName, name, version, build, channel, data.text("subdir"), data.text("url"),
                files, depends, data.text("python_site_packages_path"));
    }

    /**
     * Reads the top-level fields listing needs and skips the rest (the large {@code paths_data}
     * above all) without building it, while still checking the whole document is valid JSON, as
     * conda's {@code json.loads} does. {@code null} when the document is not an object.
     */
    private Fields parse(byte[] content) throws IOException {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                return null;
            }
            Fields fields = new Fields();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "name", "version", "build", "channel", "schannel", "subdir", "url", "python_site_packages_path" ->
                            fields.texts.put(field, value == JsonToken.VALUE_STRING ? parser.getText() : null);
                    case "build_number" -> {
                        fields.integralBuildNumber = value == JsonToken.VALUE_NUMBER_INT
                                || value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE;
                        parser.skipChildren();
                    }
                    case "files", "depends" -> fields.lists.put(field, stringList(parser, value));
                    default -> parser.skipChildren();
                }
            }
            requireEnd(parser);
            return fields;
        }
    }

    /** A JSON array of strings; empty for {@code null}; {@code null} for anything else. */
    private static List<String> stringList(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        List<String> result = new ArrayList<>();
        boolean allStrings = true;
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            if (element == JsonToken.VALUE_STRING) {
                result.add(parser.getText());
            } else {
                allStrings = false;
                parser.skipChildren();
            }
        }
        return allStrings ? result : null;
    }

    /** Python's json.loads rejects anything after the document ("Extra data"). */
    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "extra data after the JSON document");
        }
    }

    /** The fields read from one record; absent and non-string values are {@code null}. */
    private static final class Fields {
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, List<String>> lists = new HashMap<>();
        private boolean integralBuildNumber;

        String text(String field) {
            return texts.get(field);
        }

        /** Empty when absent, as conda's ListField default; {@code null} when malformed. */
        List<String> strings(String field) {
            return lists.containsKey(field) ? lists.get(field) : List.of();
        }
    }
}
