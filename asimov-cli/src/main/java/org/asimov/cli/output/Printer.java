package org.asimov.cli.output;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.io.PrettyJson;

import picocli.CommandLine.Model.CommandSpec;

/** How commands write: plain lines for people, one JSON document for scripts. */
public final class Printer {
    private final PrintWriter out;
    private final PrintWriter err;

    public Printer(CommandSpec spec) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /** Prints text exactly as given, such as a file's content. */
    public void text(String text) {
        out.print(text);
        out.flush();
    }

    public void warn(String text) {
        err.println(text);
        err.flush();
    }

    public void json(JsonNode node) {
        out.println(PrettyJson.write(node));
        out.flush();
    }

    public PrintWriter err() {
        return err;
    }

    /** Pads columns so a table lines up in a terminal. */
    public void table(java.util.List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
