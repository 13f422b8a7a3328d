package org.asimov.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * Writes files so that a reader sees either the old content or the new, never a torn mix:
 * write a sibling temporary file, fsync it, rename it over the target, fsync the directory.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = createTemporarySibling(dir, target.getFileName());
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveAtomically(tmp, target);
            fsyncDirectory(dir);
        } catch (IOException e) {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
            throw new AsimovException(ErrorKind.IO, "could not write " + target + ": " + describe(e), e);
        }
    }

    /**
     * A new empty file in {@code dir}, hidden and named after {@code name} with a random suffix.
     * Created, not just named, so that no two writers (processes, or threads of one) ever share
     * one. Not named by the pid: ProcessHandle's start-up costs a cold JVM about 2 ms, on the
     * last steps of every 'env capture'. Not Files.createTempFile, which does the same but makes
     * the file rw------- (the file renamed into place would keep that, where a reader expects the
     * umask's rw-r--r--) and draws its names from SecureRandom, whose cold start costs more still.
     */
    private static Path createTemporarySibling(Path dir, Path name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException taken) {
                // another writer's, by a chance of one in 2^64: draw again
            }
        }
    }

    /** Renames {@code from} over {@code to} in one step where the file system allows it. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a rename inside {@code dir} durable; a no-op where directories cannot be opened. */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms and file systems refuse to open or sync a directory; the rename
            // is still atomic there, only its durability across a power cut is weaker.
        }
    }

    public static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: a stale temporary file is harmless and is cleaned later
        }
    }

    /** A readable cause for an I/O failure, naming a full disk when that is what it was. */
    public static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No space left on device")) {
            return "the disk is full (No space left on device); free some space and try again";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + message + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory (" + message + ")";
        }
        return message;
    }
}
