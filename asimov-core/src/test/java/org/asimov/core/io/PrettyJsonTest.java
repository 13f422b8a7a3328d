package org.asimov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class PrettyJsonTest {
    private static final ObjectMapper INDENTING = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void writesWhatAnIndentingObjectMapperWrites() throws Exception {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("text", "tab\t quote\" backslash\\ newline\n nul\0 é ☃ \uD83D\uDE00");
        root.put("int", -7);
        root.put("long", 12_345_678_901L);
        root.put("big", new BigInteger("123456789012345678901234567890"));
        root.put("double", 0.1);
        root.put("float", 1.5f);
        root.put("decimal", new BigDecimal("3.14159265358979323846"));
        root.put("short", (short) 3);
        root.put("yes", true);
        root.putNull("nothing");
        root.putObject("empty object");
        root.putArray("empty array");
        root.putArray("list").add("a").add(1).addNull().addObject().put("nested", "x");
        root.putObject("object").putObject("deeper").putArray("deepest").add(false);

        assertThat(PrettyJson.write(root)).isEqualTo(INDENTING.writeValueAsString(root));
    }

    @Test
    void writesScalarsAndEmptyContainersAlone() throws Exception {
        for (var node : new com.fasterxml.jackson.databind.JsonNode[] {JsonNodeFactory.instance.textNode("x"),
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.numberNode(42)}) {
            assertThat(PrettyJson.write(node)).isEqualTo(INDENTING.writeValueAsString(node));
        }
    }

    @Test
    void refusesNodesThatHaveNoPlainText() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putPOJO("pojo", new Object());
        assertThatThrownBy(() -> PrettyJson.write(root)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POJO");
    }
}
