package org.asimov.store;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentFilesReader;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.names.SafeName;
import org.asimov.core.store.ResultsStore;
import org.asimov.core.store.StoredResource;
import org.asimov.store.blob.Blob;
import org.asimov.store.blob.BlobStore;
import org.asimov.store.db.StoreDatabase;
import org.asimov.store.environment.EnvironmentCatalog;
import org.asimov.store.environment.EnvironmentRepository;
import org.asimov.store.environment.Recorded;
import org.asimov.store.maintenance.GarbageCollector;
import org.asimov.store.query.ReadOnlySql;
import org.asimov.store.maintenance.GcReport;
import org.asimov.store.maintenance.StoreStatistics;
import org.asimov.store.maintenance.StoreStats;
import org.asimov.store.maintenance.StoreVerifier;
import org.asimov.store.maintenance.VerifyReport;
import org.asimov.store.manifest.ManifestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results store: content-addressed blobs on disk and a manifest in SQL.
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("results"))) {
 *     Map<String, Resource> files = store.manifest().listResources("GW150914_095045", "prod0");
 *     Path envJson = store.fetchFile("GW150914_095045", "prod0", "environment.json");
 * }
 * }</pre>
 *
 * Writes are write-once: a name, once stored, keeps its content. A blob is durable on disk
 * before the row that names it is committed, so a row never points at a missing blob.
 */
public final class Store implements ResultsStore {
    private static final Logger log = LoggerFactory.getLogger(Store.class);

    /** Long enough that no put in progress is older; gc leaves younger unreferenced files alone. */
    public static final Duration DEFAULT_GC_GRACE = Duration.ofHours(1);

    private final StoreDatabase database;
    private final BlobStore blobs;
    private final ManifestRepository rows;
    private final Manifest manifest;
    private final StoreVerifier verifier;
    private final GarbageCollector collector;
    private final StoreStatistics statistics;
    private final EnvironmentRepository environmentRows;
    private final EnvironmentCatalog environments;
    private final ReadOnlySql sql;

    @Inject
    public Store(StoreDatabase database, BlobStore blobs, ManifestRepository rows,
            Manifest manifest, StoreVerifier verifier, GarbageCollector collector, StoreStatistics statistics,
            EnvironmentRepository environmentRows, EnvironmentCatalog environments, ReadOnlySql sql) {
        this.database = requireNonNull(database, "database is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.rows = requireNonNull(rows, "rows is null");
        this.manifest = requireNonNull(manifest, "manifest is null");
        this.verifier = requireNonNull(verifier, "verifier is null");
        this.collector = requireNonNull(collector, "collector is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
        this.environmentRows = requireNonNull(environmentRows, "environmentRows is null");
        this.environments = requireNonNull(environments, "environments is null");
        this.sql = requireNonNull(sql, "sql is null");
    }

    /** Opens the store in {@code root} with its embedded H2 database, creating both if needed. */
    public static Store open(Path root) {
        return open(StoreSettings.h2(root));
    }

    /** Opens a store; the database is migrated to the current schema first. */
    public static Store open(StoreSettings settings) {
        StoreDatabase database = StoreDatabase.open(settings);
        BlobStore blobs = new BlobStore(settings);
        ManifestRepository rows = new ManifestRepository(database);
        return new Store(database, blobs, rows, new Manifest(rows), new StoreVerifier(blobs, rows),
                new GarbageCollector(blobs, rows), new StoreStatistics(blobs, rows),
                new EnvironmentRepository(database), new EnvironmentCatalog(database, rows), new ReadOnlySql(settings));
    }

    public Path root() {
        return blobs.root();
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The recorded environments: list, find, show. */
    public EnvironmentCatalog environments() {
        return environments;
    }

    /** Read-only SQL over the store's schema, enforced by the database: {@code asimov query}. */
    public ReadOnlySql sql() {
        return sql;
    }

    @Override
    public void recordEnvironment(String event, String analysis, CapturePhase phase, Path metadata, Path pip, Path conda,
            Path system) {
        recordEnvironment(event, analysis, phase, EnvironmentFilesReader.read(metadata, pip, conda, system));
    }

    /**
     * Records the environment of an analysis from the environment files already in the store,
     * re-hashed as they are read: for stores uploaded before environments became rows, and for
     * files put by hand.
     */
    public Recorded recordStoredEnvironment(String event, String analysis, CapturePhase phase) {
        String prefix = storedPrefix(phase);
        Path metadata = fetchFile(event, analysis, prefix + EnvironmentFiles.METADATA);
        Path pip = fetchFile(event, analysis, prefix + EnvironmentFiles.PIP);
        return recordEnvironment(event, analysis, phase, EnvironmentFilesReader.read(metadata, pip,
                storedOrNull(event, analysis, prefix + EnvironmentFiles.CONDA),
                storedOrNull(event, analysis, prefix + EnvironmentFiles.SYSTEM)));
    }

    /** The build capture's files are stored under their own names, the run capture's as run-environment.json, ... */
    public static String storedPrefix(CapturePhase phase) {
        return phase == CapturePhase.RUN ? EnvironmentFiles.RUN_PREFIX : "";
    }

    private Path storedOrNull(String event, String analysis, String name) {
        return rows.find(event, analysis, name).isPresent() ? fetchFile(event, analysis, name) : null;
    }

    /** Records an environment already read; see {@link #recordEnvironment(String, String, CapturePhase, Path, Path, Path, Path)}. */
    public Recorded recordEnvironment(String event, String analysis, CapturePhase phase, CapturedEnvironment environment) {
        SafeName.require("event name", event);
        SafeName.require("analysis name", analysis);
        Recorded recorded = environmentRows.record(event, analysis, phase, environment);
        log.debug("{} environment of {}/{}: {} ({})", phase.key(), event, analysis, environment.fingerprint(), recorded);
        return recorded;
    }

    @Override
    public StoredResource put(String event, String analysis, String name, Path file) {
        return put(event, analysis, name, file, ProgressListener.NONE);
    }

    /**
     * Stores {@code file} as {@code name} of the analysis. The same content again is a no-op
     * that returns the existing row; other content under a stored name is a CONFLICT.
     */
    public StoredResource put(String event, String analysis, String name, Path file, ProgressListener progress) {
        String what = describe(event, analysis, name);
        requireNonNull(file, "file is null");
        requireNonNull(progress, "progress is null");
        requireRegularFile(file);

        Optional<StoredResource> existing = rows.find(event, analysis, name);
        if (existing.isPresent()) {
            // Hash before writing anything, so a refused put leaves no blob behind.
            requireSameContent(existing.get(), blobs.hash(file, ProgressListener.NONE), what);
            // Rewriting the blob costs little and repairs it if it was damaged or removed.
            requireSameContent(existing.get(), blobs.put(file, progress), what);
            return existing.get();
        }

        Blob blob = blobs.put(file, progress);
        StoredResource recorded = rows.recordIfAbsent(new StoredResource(event, analysis, name, blob.sha256(),
                blob.size(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        requireSameContent(recorded, blob, what);
        if (!blobs.isPresent(blob)) {
            // Only a gc that judged the blob an old orphan just before our row was committed
            // can get here; the source is still at hand, so put the content back.
            log.warn("blob {} of {} vanished while it was being recorded; writing it again", blob.sha256(), what);
            requireSameContent(recorded, blobs.put(file, ProgressListener.NONE), what);
        }
        return recorded;
    }

    /**
     * The manifest row of one stored file, e.g. to compare its SHA-256 with one a user gave
     * before fetching.
     *
     * @throws AsimovException NOT_FOUND when nothing is stored under that name
     */
    public StoredResource resource(String event, String analysis, String name) {
        return require(event, analysis, name);
    }

    @Override
    public List<StoredResource> list(String event, String analysis) {
        SafeName.require("event name", event);
        SafeName.require("analysis name", analysis);
        return rows.list(event, analysis);
    }

    @Override
    public List<StoredResource> listAll(String event, String analysis) {
        if (event != null) {
            SafeName.require("event name", event);
        }
        if (analysis != null) {
            SafeName.require("analysis name", analysis);
        }
        return rows.list(event, analysis);
    }

    @Override
    public StoredResource fetch(String event, String analysis, String name, Path output) {
        return fetch(event, analysis, name, output, ProgressListener.NONE);
    }

    /**
     * Copies one stored file to {@code output}, re-hashing as it goes; on a mismatch nothing
     * is left at {@code output} and the error is INTEGRITY.
     */
    public StoredResource fetch(String event, String analysis, String name, Path output, ProgressListener progress) {
        requireNonNull(output, "output is null");
        requireNonNull(progress, "progress is null");
        StoredResource resource = require(event, analysis, name);
        blobs.copyVerified(blobOf(resource), output, describe(event, analysis, name), progress);
        return resource;
    }

    /**
     * Returns a path to the content of one stored file, re-hashed just now. The path is the
     * read-only blob inside the store, not a copy (a 1 GiB result is not duplicated to be
     * read): read it or copy it, never write to it. Its file name is the SHA-256, not
     * {@code name}; use {@link #fetch} to get a copy under a name of your choosing.
     */
    public Path fetchFile(String event, String analysis, String name) {
        return fetchFile(event, analysis, name, ProgressListener.NONE);
    }

    public Path fetchFile(String event, String analysis, String name, ProgressListener progress) {
        requireNonNull(progress, "progress is null");
        StoredResource resource = require(event, analysis, name);
        return blobs.verifiedPath(blobOf(resource), describe(event, analysis, name), progress);
    }

    /** Re-hashes every blob and checks every row's blob; read-only. */
    public VerifyReport verify(ProgressListener progress) {
        return verifier.verify(progress);
    }

    public VerifyReport verify() {
        return verify(ProgressListener.NONE);
    }

    /** Removes unreferenced blobs and temporary files older than {@link #DEFAULT_GC_GRACE}. */
    public GcReport gc() {
        return gc(DEFAULT_GC_GRACE);
    }

    /**
     * Removes unreferenced blobs and temporary files not modified for {@code grace}. The grace
     * period protects puts in progress, whose blob is written before their row is committed.
     */
    public GcReport gc(Duration grace) {
        return collector.collect(grace);
    }

    public StoreStats stats() {
        return statistics.compute();
    }

    @Override
    public void close() {
        database.close();
    }

    private StoredResource require(String event, String analysis, String name) {
        String what = describe(event, analysis, name);
        return rows.find(event, analysis, name).orElseThrow(() -> {
            List<StoredResource> siblings = rows.list(event, analysis);
            String hint = siblings.isEmpty()
                    ? "nothing is stored for " + event + "/" + analysis
                    : "stored for " + event + "/" + analysis + ": "
                            + siblings.stream().map(StoredResource::name).limit(20).collect(Collectors.joining(", "))
                            + (siblings.size() > 20 ? ", ..." : "");
            return new AsimovException(ErrorKind.NOT_FOUND, what + " is not in the store (" + hint + ")");
        });
    }

    private static Blob blobOf(StoredResource resource) {
        return new Blob(resource.sha256(), resource.size());
    }

    private static String describe(String event, String analysis, String name) {
        SafeName.require("event name", event);
        SafeName.require("analysis name", analysis);
        SafeName.require("file name", name);
        return event + "/" + analysis + "/" + name;
    }

    private static void requireRegularFile(Path file) {
        if (!Files.exists(file)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "no such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, file + " is not a regular file; only files can be stored");
        }
    }

    private static void requireSameContent(StoredResource recorded, Blob content, String what) {
        if (!recorded.sha256().equals(content.sha256())) {
            throw new AsimovException(ErrorKind.CONFLICT, what + " is already stored with different content (sha256 "
                    + recorded.sha256() + ", " + recorded.size() + " bytes, stored " + recorded.storedAt()
                    + "); the new file has sha256 " + content.sha256() + " (" + content.size() + " bytes). "
                    + "The store is write-once: store the new content under another name");
        }
    }
}
