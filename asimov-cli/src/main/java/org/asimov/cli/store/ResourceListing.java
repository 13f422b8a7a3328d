package org.asimov.cli.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.output.Printer;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.store.ResultsStore;
import org.asimov.core.store.StoredResource;

import picocli.CommandLine.Model.CommandSpec;

/** Prints stored resources as a table or JSON; shared by 'store list' and 'production results'. */
public final class ResourceListing {
    private ResourceListing() {
    }

    public static void print(Printer printer, List<StoredResource> resources, boolean json) {
        if (json) {
            ObjectNode root = Printer.object();
            ArrayNode items = root.putArray("resources");
            for (StoredResource r : resources) {
                items.addObject().put("event", r.event()).put("analysis", r.analysis()).put("name", r.name())
                        .put("sha256", r.sha256()).put("size", r.size()).put("stored_at", r.storedAt().toString());
            }
            printer.json(root);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"EVENT", "ANALYSIS", "NAME", "SIZE", "SHA256", "STORED"});
        for (StoredResource r : resources) {
            rows.add(new String[] {r.event(), r.analysis(), r.name(), Long.toString(r.size()), r.sha256().substring(0, 16),
                    r.storedAt().toString()});
        }
        printer.table(rows);
    }

    /** Fetches into a temporary file first, so nothing unverified ever reaches standard output. */
    public static void copyToStandardOutput(ResultsStore store, String event, String analysis, String name, CommandSpec spec) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("asimov-fetch-", ".tmp");
            Files.delete(tmp);
            store.fetch(event, analysis, name, tmp);
            OutputStream out = System.out;
            Files.copy(tmp, out);
            out.flush();
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not write " + name + " to standard output: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                org.asimov.core.io.AtomicFiles.deleteQuietly(tmp);
            }
        }
    }
}
