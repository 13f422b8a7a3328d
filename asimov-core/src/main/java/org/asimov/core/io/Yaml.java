package org.asimov.core.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * YAML in and out, with errors that name the file, line and column, and output shaped like
 * PyYAML's block style so the ledger reads as asimov users expect.
 */
public final class Yaml {
    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private Yaml() {
    }

    /** Parses one YAML document that must be a mapping. */
    public static ObjectNode readMapping(String text, String source) {
        List<JsonNode> documents = readDocuments(text, source);
        if (documents.size() != 1 || !(documents.get(0) instanceof ObjectNode mapping)) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, source
                    + ": expected one YAML mapping (key: value lines) at the top level");
        }
        return mapping;
    }

    /** Parses every document of a multi-document YAML stream ({@code ---} separated); empty ones are dropped. */
    public static List<JsonNode> readDocuments(String text, String source) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (iterator.hasNextValue()) {
                JsonNode document = iterator.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (JsonProcessingException e) {
            throw malformed(source, e);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // MappingIterator wraps parse errors in RuntimeJsonMappingException
            if (e.getCause() instanceof JsonProcessingException cause) {
                throw malformed(source, cause);
            }
            throw e;
        }
        return documents;
    }

    public static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML tree always serialises", e);
        }
    }

    private static AsimovException malformed(String source, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? source
                : source + ":" + location.getLineNr() + ":" + location.getColumnNr();
        return new AsimovException(ErrorKind.INVALID_INPUT, where + ": malformed YAML: " + e.getOriginalMessage(), e);
    }
}
