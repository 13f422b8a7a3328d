package org.asimov.core.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a JSON tree indented, exactly as an ObjectMapper with {@code INDENT_OUTPUT} does, with
 * Jackson's streaming generator alone.
 *
 * <p>Why not the ObjectMapper: its class initialisation sets up date formats, calendars, locale
 * data and time zones, about 40 ms of a cold start, and a capture writes environment.json on
 * the way out of a process that lives a few hundred milliseconds. A tree built from strings,
 * numbers, booleans and nulls needs none of it.
 */
public final class PrettyJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PrettyJson() {
    }

    /** The indented text of {@code tree}, without a final newline. */
    public static String write(JsonNode tree) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter());
            write(tree, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> writeNumber(node, generator);
            default -> throw new IllegalArgumentException("a " + node.getNodeType()
                    + " node has no plain JSON text; build trees of objects, arrays, strings, numbers, booleans and nulls");
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            case DOUBLE -> generator.writeNumber(node.doubleValue());
            case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
            default -> throw new IllegalArgumentException("unknown number type " + node.numberType());
        }
    }
}
