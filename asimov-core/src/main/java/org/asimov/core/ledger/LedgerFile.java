package org.asimov.core.ledger;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.io.Yaml;

/**
 * The ledger file ({@code .asimov/ledger.yml}). Changes go through {@link #update}, which holds
 * an exclusive lock on a sibling lock file for the whole read-change-write, keeps the previous
 * version as {@code ledger.yml.bak} and replaces the file atomically. When the change throws,
 * nothing is written.
 */
public final class LedgerFile {
    private final Path path;

    public LedgerFile(Path path) {
        this.path = requireNonNull(path, "path is null");
    }

    public Path path() {
        return path;
    }

    public Ledger read() {
        if (!Files.isRegularFile(path)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "the ledger " + path
                    + " does not exist; is this an asimov project? ('asimov init NAME' makes one)");
        }
        try {
            ObjectNode root = Yaml.readMapping(Files.readString(path, StandardCharsets.UTF_8), path.toString());
            checkShape(root);
            return new Ledger(root);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + path + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Writes a new ledger; refuses to overwrite one. */
    public void create(Ledger ledger) {
        if (Files.exists(path)) {
            throw new AsimovException(ErrorKind.CONFLICT, path + " already exists; not overwriting it");
        }
        AtomicFiles.writeString(path, Yaml.write(ledger.root()));
    }

    /** Reads, changes and saves the ledger under an exclusive lock; returns what the change returns. */
    public <T> T update(Function<Ledger, T> change) {
        try (FileChannel lockChannel = FileChannel.open(lockPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.lock()) {
            Ledger ledger = read();
            String before = Yaml.write(ledger.root());
            T result = change.apply(ledger);
            String after = Yaml.write(ledger.root());
            if (!after.equals(before)) {
                save(after);
            }
            return result;
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not lock " + lockPath() + ": " + AtomicFiles.describe(e), e);
        }
    }

    private void save(String text) throws IOException {
        Files.copy(path, backupPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        AtomicFiles.writeString(path, text);
    }

    private Path lockPath() {
        return path.resolveSibling(path.getFileName() + ".lock");
    }

    public Path backupPath() {
        return path.resolveSibling(path.getFileName() + ".bak");
    }

    /** Catches hand edits that broke the structure before any code trips over them. */
    private void checkShape(ObjectNode root) {
        JsonNode events = root.get("events");
        if (events == null || events.isNull()) {
            return;
        }
        if (!events.isArray()) {
            throw shape("'events' must be a list");
        }
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!event.isObject() || !event.path("name").isTextual()) {
                throw shape("events[" + i + "] must be a mapping with a 'name'");
            }
            JsonNode productions = event.get("productions");
            if (productions == null || productions.isNull()) {
                continue;
            }
            if (!productions.isArray()) {
                throw shape("events[" + i + "].productions must be a list");
            }
            for (int j = 0; j < productions.size(); j++) {
                JsonNode production = productions.get(j);
                if (!production.isObject() || production.size() != 1 || !production.elements().next().isObject()) {
                    throw shape("events[" + i + "].productions[" + j + "] must be '- ANALYSIS_NAME: {settings}'");
                }
            }
        }
    }

    private AsimovException shape(String problem) {
        return new AsimovException(ErrorKind.INVALID_INPUT, path + ": " + problem
                + "; restore " + backupPath().getFileName() + " or fix the file by hand");
    }
}
