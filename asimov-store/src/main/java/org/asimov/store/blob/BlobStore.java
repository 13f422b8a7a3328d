package org.asimov.store.blob;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.store.ProgressListener;
import org.asimov.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed files: {@code <root>/objects/ab/<sha256>}. A blob is written to
 * {@code <root>/tmp/}, hashed while it is copied, fsynced, made read-only and renamed into
 * place, then its directory is fsynced; so a blob under {@code objects/} is always complete,
 * and a process killed mid-put leaves at most a file in {@code tmp/} for gc.
 */
public final class BlobStore {
    private static final Logger log = LoggerFactory.getLogger(BlobStore.class);

    private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--r--r--");
    private static final Set<PosixFilePermission> FETCHED = PosixFilePermissions.fromString("rw-r--r--");

    private final Path root;
    private final Path objects;
    private final Path tmp;

    @Inject
    public BlobStore(StoreSettings settings) {
        this(requireNonNull(settings, "settings is null").root());
    }

    public BlobStore(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.objects = this.root.resolve("objects");
        this.tmp = this.root.resolve("tmp");
    }

    public Path root() {
        return root;
    }

    /** Where the blob with this SHA-256 lives (whether or not it exists). */
    public Path pathOf(String sha256) {
        if (!Blob.isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Stores the content of {@code source} and returns its blob. When the blob already exists
     * the fresh copy replaces it: same name means same content, and replacing heals a blob that
     * was damaged on disk and renews its modification time, which gc's grace period reads.
     */
    public Blob put(Path source, ProgressListener progress) {
        requireNonNull(source, "source is null");
        requireNonNull(progress, "progress is null");
        FileChannel in;
        try {
            in = FileChannel.open(source, StandardOpenOption.READ);
        } catch (IOException e) {
            throw readFailure(source, e);
        }
        Path part = null;
        try (in) {
            Files.createDirectories(tmp);
            Blob blob;
            // The lock, held until the file has been renamed into objects/, tells a gc on
            // this host that the file is a put in progress, however old it looks.
            LockedPart locked = createLockedPart();
            part = locked.path();
            try (FileChannel out = locked.channel(); FileLock ignored = locked.lock()) {
                blob = HashingCopy.copy(in, out, sizeOrUnknown(in), progress);
                // fdatasync: the content and the size, which is all a reader needs; the
                // directory fsync after the rename makes the name durable.
                out.force(false);
                Path target = pathOf(blob.sha256());
                Path fanout = target.getParent();
                if (!Files.isDirectory(fanout)) {
                    // new directories must be durable too, or a crash could lose the blob's path
                    boolean firstBlob = !Files.isDirectory(objects);
                    Files.createDirectories(fanout);
                    AtomicFiles.fsyncDirectory(objects);
                    if (firstBlob) {
                        AtomicFiles.fsyncDirectory(root);
                    }
                }
                makeReadOnly(part);
                AtomicFiles.moveAtomically(part, target);
                part = null;
                AtomicFiles.fsyncDirectory(fanout);
            }
            log.debug("stored blob {} ({} bytes) from {}", blob.sha256(), blob.size(), source);
            return blob;
        } catch (HashingCopy.ReadFailure e) {
            throw readFailure(source, (IOException) e.getCause());
        } catch (IOException e) {
            throw writeFailure(source, e);
        } finally {
            if (part != null) {
                AtomicFiles.deleteQuietly(part);
            }
        }
    }

    private record LockedPart(Path path, FileChannel channel, FileLock lock) {
    }

    /**
     * A new temporary file in tmp/, open and locked. A gc with a short grace period can take a
     * file between its creation and its lock (it locks and deletes anything unlocked); the file
     * is then gone, and we try again with a new one.
     */
    private LockedPart createLockedPart() throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path part = Files.createTempFile(tmp, "put-", ".part");
            FileChannel channel = null;
            try {
                channel = FileChannel.open(part, StandardOpenOption.WRITE);
                FileLock lock = channel.lock();
                if (Files.exists(part)) {
                    return new LockedPart(part, channel, lock);
                }
                lock.release();
            } catch (NoSuchFileException | OverlappingFileLockException takenByGc) {
                // gc (in another process, or in this one) has it: it is being deleted
            }
            if (channel != null) {
                channel.close();
            }
            if (attempt == 5) {
                throw new IOException("a concurrent gc kept removing new temporary files in " + tmp);
            }
        }
    }

    private static AsimovException readFailure(Path source, IOException e) {
        ErrorKind kind = e instanceof NoSuchFileException ? ErrorKind.NOT_FOUND : ErrorKind.IO;
        return new AsimovException(kind, "could not read " + source + ": " + AtomicFiles.describe(e), e);
    }

    private AsimovException writeFailure(Path source, IOException e) {
        return new AsimovException(ErrorKind.IO, "could not store " + source + " in the results store at " + root
                + ": " + AtomicFiles.describe(e) + "; nothing was recorded", e);
    }

    /** Hashes any file without storing it. */
    public Blob hash(Path file, ProgressListener progress) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return HashingCopy.copy(in, null, sizeOrUnknown(in), progress);
        } catch (HashingCopy.ReadFailure e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + file + ": "
                    + AtomicFiles.describe((IOException) e.getCause()), e);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Whether the blob's file exists with the expected size (cheap: does not re-hash). */
    public boolean isPresent(Blob blob) {
        try {
            return Files.size(pathOf(blob.sha256())) == blob.size();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Re-hashes the blob where it lies and returns its path: the read-only file inside the
     * store, whose content was just checked against {@code blob}.
     *
     * @param what names the stored file for messages, e.g. {@code GW150914/prod0/environment.json}
     * @throws AsimovException INTEGRITY when the blob is missing or does not match
     */
    public Path verifiedPath(Blob blob, String what, ProgressListener progress) {
        Path path = pathOf(blob.sha256());
        Blob actual;
        try (FileChannel in = openBlob(blob, what)) {
            actual = HashingCopy.copy(in, null, blob.size(), progress);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + path + " (" + what + "): "
                    + AtomicFiles.describe(e instanceof HashingCopy.ReadFailure ? (IOException) e.getCause() : e), e);
        }
        requireMatch(blob, actual, what);
        return path;
    }

    /**
     * Copies the blob to {@code output}, re-hashing as it goes. The copy goes to a temporary
     * sibling of {@code output} that is renamed only once the hash matched, so a mismatch or a
     * crash leaves {@code output} as it was.
     */
    public void copyVerified(Blob blob, Path output, String what, ProgressListener progress) {
        Path target = output.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Path part = null;
        try {
            Files.createDirectories(dir);
            part = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            Blob actual;
            try (FileChannel in = openBlob(blob, what);
                    FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                actual = HashingCopy.copy(in, out, blob.size(), progress);
                requireMatch(blob, actual, what);
                out.force(true);
            }
            setPermissions(part, FETCHED);
            AtomicFiles.moveAtomically(part, target);
            part = null;
            AtomicFiles.fsyncDirectory(dir);
        } catch (HashingCopy.ReadFailure e) {
            throw new AsimovException(ErrorKind.IO, "could not read blob " + blob.sha256() + " (" + what + "): "
                    + AtomicFiles.describe((IOException) e.getCause()), e);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not write " + target + ": " + AtomicFiles.describe(e)
                    + "; nothing was written there", e);
        } finally {
            if (part != null) {
                AtomicFiles.deleteQuietly(part);
            }
        }
    }

    private FileChannel openBlob(Blob blob, String what) throws IOException {
        Path path = pathOf(blob.sha256());
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new AsimovException(ErrorKind.INTEGRITY, "the content of " + what + " is missing from the store: blob "
                    + path + " does not exist; run 'asimov store verify' and put the file again", e);
        }
    }

    private static void requireMatch(Blob expected, Blob actual, String what) {
        if (!expected.equals(actual)) {
            throw new AsimovException(ErrorKind.INTEGRITY, "the stored content of " + what + " is corrupt: expected sha256 "
                    + expected.sha256() + " (" + expected.size() + " bytes), found " + actual.sha256() + " ("
                    + actual.size() + " bytes); nothing was returned. Run 'asimov store verify', then put the file again");
        }
    }

    /** Every file under {@code objects/}, including misplaced or misnamed ones. */
    public List<BlobFile> listObjects() {
        List<BlobFile> files = new ArrayList<>();
        if (!Files.isDirectory(objects)) {
            return files;
        }
        try (DirectoryStream<Path> fanouts = Files.newDirectoryStream(objects)) {
            for (Path fanout : fanouts) {
                if (Files.isDirectory(fanout)) {
                    try (DirectoryStream<Path> blobs = Files.newDirectoryStream(fanout)) {
                        for (Path blob : blobs) {
                            describe(blob, files);
                        }
                    }
                } else {
                    describe(fanout, files);
                }
            }
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not list " + objects + ": " + AtomicFiles.describe(e), e);
        }
        return files;
    }

    /** Every plain file in {@code tmp/}: puts in progress, or left behind by killed ones. */
    public List<BlobFile> listTemporary() {
        List<BlobFile> files = new ArrayList<>();
        if (!Files.isDirectory(tmp)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                // the store only ever writes plain files here; leave anything else alone
                if (Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    describe(entry, files);
                }
            }
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not list " + tmp + ": " + AtomicFiles.describe(e), e);
        }
        return files;
    }

    private static void describe(Path path, List<BlobFile> into) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            into.add(new BlobFile(path, path.getFileName().toString(), attributes.size(),
                    attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            // removed between listing and looking: gone is what the caller would have wanted
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + path + ": " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * Deletes a temporary file unless it was modified after {@code cutoff} or a process holds
     * it (a put in progress locks its file until the rename, a gc the blobs it moved aside).
     *
     * @return whether the file was deleted
     */
    public boolean deleteTemporaryIfStale(BlobFile file, Instant cutoff) {
        try {
            if (Files.getLastModifiedTime(file.path()).toInstant().isAfter(cutoff)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ);
                    FileLock lock = tryLockShared(channel)) {
                if (lock == null) {
                    return false;
                }
                return Files.deleteIfExists(file.path());
            }
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not delete " + file.path() + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** A shared lock, or null when another process or this one holds the file. */
    private static FileLock tryLockShared(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, true);
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM: a put or gc running in another thread
        }
    }

    /**
     * Moves an old blob out of {@code objects/} into {@code tmp/}, where no reader finds it,
     * unless it was modified after {@code cutoff}. The caller then checks the manifest once
     * more and either {@link Held#restore}s or {@link Held#discard}s it. Moving first means that
     * a put which lands at the same moment either finds its blob missing after committing its
     * row (and writes it again) or has committed before the check (and the blob comes back).
     * The moved file is locked until then, so another gc leaves it alone.
     *
     * @return the blob moved aside, or {@code null} when it is young or already gone
     */
    public Held quarantine(BlobFile blob, Instant cutoff) {
        Path held = null;
        try {
            if (Files.getLastModifiedTime(blob.path()).toInstant().isAfter(cutoff)) {
                return null;
            }
            Files.createDirectories(tmp);
            held = tmp.resolve("gc-" + blob.name() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.move(blob.path(), held, StandardCopyOption.ATOMIC_MOVE);
            setPermissions(held, FETCHED); // writable by us, so that we can lock it
            // and renewed, for a gc on another host, where our lock may not reach
            Files.setLastModifiedTime(held, java.nio.file.attribute.FileTime.from(Instant.now()));
            FileChannel channel = FileChannel.open(held, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                return new Held(held, blob.name(), channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not move " + blob.path() + " aside"
                    + (held == null ? "" : " to " + held) + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** A blob gc has moved aside and locked, waiting to be put back or deleted. */
    public final class Held {
        private final Path path;
        private final String sha256;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(Path path, String sha256, FileChannel channel, FileLock lock) {
            this.path = path;
            this.sha256 = sha256;
            this.channel = channel;
            this.lock = lock;
        }

        public Path path() {
            return path;
        }

        /** Puts the blob back, unless a put has meanwhile written the same content there. */
        public void restore() {
            Path target = pathOf(sha256);
            try {
                makeReadOnly(path);
                // No ATOMIC_MOVE: on Linux it would silently replace a fresh copy a put just
                // wrote with this old one; without it an existing target makes the move fail.
                Files.move(path, target);
                AtomicFiles.fsyncDirectory(target.getParent());
            } catch (FileAlreadyExistsException e) {
                AtomicFiles.deleteQuietly(path);
            } catch (IOException e) {
                throw new AsimovException(ErrorKind.IO, "could not move " + path + " back to " + target + ": "
                        + AtomicFiles.describe(e) + "; move it back by hand", e);
            } finally {
                release();
            }
        }

        public void discard() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new AsimovException(ErrorKind.IO, "could not delete " + path + ": " + AtomicFiles.describe(e), e);
            } finally {
                release();
            }
        }

        private void release() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock whatever happened
            }
        }
    }

    private static long sizeOrUnknown(FileChannel channel) {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void makeReadOnly(Path path) throws IOException {
        setPermissions(path, READ_ONLY);
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            if (!path.toFile().setWritable(permissions.contains(PosixFilePermission.OWNER_WRITE))) {
                throw new FileSystemException(path.toString(), null, "could not change permissions");
            }
        }
    }
}
