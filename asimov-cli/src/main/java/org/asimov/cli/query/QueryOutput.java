package org.asimov.cli.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.output.Printer;
import org.asimov.store.query.QueryResult;

/** Prints a query result as an aligned table, RFC 4180 CSV, or JSON ({@code columns} and {@code rows} of values). */
final class QueryOutput {
    private QueryOutput() {
    }

    static void print(Printer printer, QueryResult result, QueryFormat format) {
        switch (format) {
            case TABLE -> table(printer, result);
            case CSV -> csv(printer, result);
            case JSON -> json(printer, result);
        }
    }

    private static void table(Printer printer, QueryResult result) {
        if (result.columns().isEmpty()) {
            printer.line("(the statement returned no result set)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(result.columns().toArray(String[]::new));
        for (List<Object> row : result.rows()) {
            // NULL is spelled out, so that it is not mistaken for an empty string
            rows.add(row.stream().map(v -> v == null ? "NULL" : v.toString()).toArray(String[]::new));
        }
        printer.table(rows);
        printer.line("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
    }

    private static void csv(Printer printer, QueryResult result) {
        if (result.columns().isEmpty()) {
            return;
        }
        printer.line(csvLine(new ArrayList<>(result.columns())));
        for (List<Object> row : result.rows()) {
            printer.line(csvLine(row));
        }
    }

    private static String csvLine(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            String text = value == null ? "" : value.toString();
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                line.append(text);
            }
        }
        return line.toString();
    }

    private static void json(Printer printer, QueryResult result) {
        ObjectNode root = Printer.object();
        ArrayNode columns = root.putArray("columns");
        result.columns().forEach(columns::add);
        ArrayNode rows = root.putArray("rows");
        for (List<Object> row : result.rows()) {
            ArrayNode values = rows.addArray();
            for (Object value : row) {
                if (value == null) {
                    values.addNull();
                } else if (value instanceof Long number) {
                    values.add(number);
                } else if (value instanceof BigDecimal number) {
                    values.add(number);
                } else if (value instanceof Double number) {
                    values.add(number);
                } else if (value instanceof Boolean flag) {
                    values.add(flag);
                } else {
                    values.add(value.toString());
                }
            }
        }
        printer.json(root);
    }
}
