package org.asimov.store.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.asimov.store.ProgressListener;

/**
 * Copies a channel into a file while hashing what passes, through one fixed buffer, so that
 * memory use does not depend on the size of the file (a 1 GiB blob goes through a 64 MiB heap).
 */
final class HashingCopy {
    private static final int BUFFER_BYTES = 256 * 1024;
    private static final long PROGRESS_STEP = 1L << 20;

    /** Which side of a copy failed, so the message can name the right file. */
    static final class ReadFailure extends IOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private HashingCopy() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Copies all of {@code in} to {@code out} (or only hashes it when {@code out} is null).
     *
     * @return the blob the bytes make up
     * @throws ReadFailure when reading {@code in} failed; other IOExceptions come from writing
     */
    static Blob copy(ReadableByteChannel in, FileChannel out, long expectedSize, ProgressListener progress)
            throws IOException {
        MessageDigest digest = sha256();
        // A heap buffer lets the digest read the bytes in place, in large blocks (its intrinsic
        // compresses many blocks per call); NIO copies through a cached direct buffer anyway.
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        long done = 0;
        long nextReport = PROGRESS_STEP;
        while (true) {
            buffer.clear();
            int read;
            try {
                read = in.read(buffer);
            } catch (IOException e) {
                throw new ReadFailure(e);
            }
            if (read < 0) {
                break;
            }
            buffer.flip();
            digest.update(buffer.array(), 0, read);
            if (out != null) {
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            done += read;
            if (done >= nextReport) {
                progress.progress(done, expectedSize);
                nextReport = done + PROGRESS_STEP;
            }
        }
        progress.progress(done, expectedSize);
        return new Blob(hex(digest), done);
    }
}
