package org.asimov.store.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;

/**
 * An exclusive lock on {@code <store>/open.lock}, held while a process opens the embedded H2
 * database and migrates it. H2's own file lock refuses a second process that opens the
 * database while a first is still opening it ("Lock file recently modified"); taking turns
 * here means the first becomes the AUTO_SERVER and the rest connect through it. It also keeps
 * two processes from creating Flyway's history table in a new store at the same moment.
 * The operating system drops the lock when its process dies, so a killed process leaves none.
 */
final class OpenLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OpenLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static OpenLock acquire(Path root) {
        Path file = root.resolve("open.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new OpenLock(channel, channel.lock());
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing; the first error is the one to report
                }
            }
            throw new AsimovException(ErrorKind.IO, "could not lock " + file + " to open the store: "
                    + AtomicFiles.describe(e) + "; check that the store directory is writable", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock whatever happened
        }
    }
}
