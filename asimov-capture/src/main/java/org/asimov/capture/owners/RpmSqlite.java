package org.asimov.capture.owners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.ObjIntConsumer;

import org.sqlite.SQLiteConfig;

/**
 * rpm's SQLite database ({@code rpmdb.sqlite}, rpm 4.16 and later), opened read-only. The only
 * class that touches the SQLite driver, so that the driver (and its native library) is loaded
 * only where such a database exists.
 */
final class RpmSqlite {
    private RpmSqlite() {
    }

    /**
     * Whether committed transactions wait in the write-ahead log beside the database (rpm is
     * running, or stopped before checkpointing them). Then SQLite must read the log, through its
     * shared-memory index, opened read-only ({@code readonly_shm}): a read-only connection would
     * otherwise write that index, and create it where it is missing. Otherwise the database file
     * holds everything and is opened {@code immutable}: no locks, no -shm, nothing written.
     */
    private static boolean walHoldsCommits(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Hands every row of rpm's {@code Packages} table ({@code hnum INTEGER PRIMARY KEY, blob BLOB},
     * rpm's {@code lib/backend/sqlite.cc}) to {@code each}: the header blob and its number.
     */
    static void forEachHeader(Path file, ObjIntConsumer<byte[]> each) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        // SQLITE_OPEN_READONLY, never CREATE: capture must not change, or create, what it reads
        config.setReadOnly(true);
        config.setBusyTimeout(2_000); // rpm may be committing a transaction right now
        String uri = file.toAbsolutePath().toUri() + "?mode=ro&" + (walHoldsCommits(file) ? "readonly_shm=1" : "immutable=1");
        try (Connection connection = config.createConnection("jdbc:sqlite:" + uri);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
            while (rows.next()) {
                byte[] blob = rows.getBytes(2);
                each.accept(blob == null ? new byte[0] : blob, rows.getInt(1));
            }
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        } catch (LinkageError e) {
            // the driver's native library could not be unpacked or loaded (a read-only or noexec temp directory)
            throw new IOException("the SQLite driver could not be loaded: " + e, e);
        }
    }
}
