package org.asimov.store;

import static org.asimov.store.TestingFiles.age;
import static org.asimov.store.TestingFiles.flipByte;
import static org.asimov.store.TestingFiles.sha256;
import static org.asimov.store.TestingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.store.StoredResource;
import org.asimov.store.blob.BlobStore;
import org.asimov.store.maintenance.GcReport;
import org.asimov.store.maintenance.StoreStats;
import org.asimov.store.maintenance.VerifyReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every database behind the store must show; {@link H2StoreTest} and
 * {@link PostgresStoreTest} run it against a real H2 file and a real PostgreSQL.
 */
abstract class AbstractStoreTest {
    static final String EVENT = "GW150914_095045";

    @TempDir
    Path dir;

    Path root;
    Store store;

    /** Settings for a fresh, empty store in {@code root}. */
    abstract StoreSettings settings(Path root);

    @BeforeEach
    void openStore() {
        root = dir.resolve("results");
        store = Store.open(settings(root));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    Path file(String name, String content) {
        return write(dir.resolve("in").resolve(name), content);
    }

    @Test
    void putListFetchRoundTrip() throws IOException {
        Path json = file("environment.json", "{\"environment_type\": \"virtualenv\"}\n");
        Path pip = file("environment-pip.txt", "numpy==1.26.4\n");

        StoredResource stored = store.put(EVENT, "prod0", "environment.json", json);
        store.put(EVENT, "prod0", "environment-pip.txt", pip);

        assertThat(stored.sha256()).isEqualTo(sha256("{\"environment_type\": \"virtualenv\"}\n"));
        assertThat(stored.size()).isEqualTo(Files.size(json));
        Map<String, Resource> files = store.manifest().listResources(EVENT, "prod0");
        assertThat(files).containsOnlyKeys("environment-pip.txt", "environment.json");
        assertThat(files.keySet()).containsExactly("environment-pip.txt", "environment.json");
        assertThat(files.get("environment.json").sha256()).isEqualTo(stored.sha256());
        assertThat(files.get("environment.json").storedAt()).isEqualTo(stored.storedAt());
        assertThat(store.list(EVENT, "prod0")).extracting(StoredResource::name)
                .containsExactly("environment-pip.txt", "environment.json");

        Path fetched = store.fetchFile(EVENT, "prod0", "environment.json");
        assertThat(fetched).hasSameTextualContentAs(json);
        assertThat(fetched).isEqualTo(root.resolve("objects").resolve(stored.sha256().substring(0, 2)).resolve(stored.sha256()));
        assertThat(Files.isWritable(fetched) && !"root".equals(System.getProperty("user.name"))).isFalse();

        Path output = dir.resolve("out/deeper/environment.json");
        StoredResource fetchedRow = store.fetch(EVENT, "prod0", "environment.json", output);
        assertThat(output).hasSameTextualContentAs(json);
        assertThat(fetchedRow).isEqualTo(stored);
        assertThat(Files.list(output.getParent())).containsExactly(output);
    }

    @Test
    void rowsSurviveReopening() {
        store.put(EVENT, "prod0", "a.txt", file("a.txt", "alpha"));
        store.close();
        store = Store.open(settings(root));
        assertThat(store.manifest().listResources(EVENT, "prod0")).containsOnlyKeys("a.txt");
        assertThat(store.fetchFile(EVENT, "prod0", "a.txt")).hasContent("alpha");
    }

    @Test
    void blobIsReadOnlyAndNoTemporaryFileRemains() throws IOException {
        StoredResource stored = store.put(EVENT, "prod0", "a.txt", file("a.txt", "alpha"));
        Path blob = new BlobStore(root).pathOf(stored.sha256());
        assertThat(Files.getPosixFilePermissions(blob)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "GROUP_READ", "OTHERS_READ");
        try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void sameContentUnderTwoAnalysesIsOneBlobAndTwoRows() {
        Path pip = file("environment-pip.txt", "scipy==1.13.0\nnumpy==1.26.4\n");
        StoredResource first = store.put(EVENT, "prod0", "environment-pip.txt", pip);
        StoredResource second = store.put(EVENT, "prod1", "environment-pip.txt", pip);

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(store.manifest().listResources(EVENT, "prod0")).containsOnlyKeys("environment-pip.txt");
        assertThat(store.manifest().listResources(EVENT, "prod1")).containsOnlyKeys("environment-pip.txt");
        StoreStats stats = store.stats();
        assertThat(stats.files()).isEqualTo(2);
        assertThat(stats.blobs()).isEqualTo(1);
        assertThat(stats.bytes()).isEqualTo(first.size());
        assertThat(stats.fileBytes()).isEqualTo(2 * first.size());
        assertThat(stats.bytesSavedBySharing()).isEqualTo(first.size());
    }

    @Test
    void storingTheSameNameAndContentAgainIsANoOp() {
        Path json = file("environment.json", "{}");
        StoredResource first = store.put(EVENT, "prod0", "environment.json", json);
        StoredResource again = store.put(EVENT, "prod0", "environment.json", json);
        assertThat(again).isEqualTo(first);
        assertThat(store.list(EVENT, "prod0")).hasSize(1);
    }

    @Test
    void differentContentUnderAStoredNameIsRefused() {
        StoredResource first = store.put(EVENT, "prod0", "environment.json", file("one.json", "{\"v\": 1}"));
        Path changed = file("two.json", "{\"v\": 2}");

        assertThatThrownBy(() -> store.put(EVENT, "prod0", "environment.json", changed))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                .hasMessageContaining(EVENT + "/prod0/environment.json is already stored with different content")
                .hasMessageContaining(first.sha256())
                .hasMessageContaining("write-once");
        assertThat(store.list(EVENT, "prod0")).containsExactly(first);
        assertThat(store.stats().blobs()).as("a refused put writes no blob").isEqualTo(1);
        assertThat(store.fetchFile(EVENT, "prod0", "environment.json")).hasContent("{\"v\": 1}");
    }

    static Stream<String> unsafeNames() {
        return Stream.of("a/b", "../escape", "..", "/etc/passwd", "C:evil", "tab\there", "nul\u0000x", "esc\u001b[2J",
                "line\nbreak", "x".repeat(256), "\u00e9".repeat(128), "", " padded", "back\\slash", ".");
    }

    @ParameterizedTest
    @MethodSource("unsafeNames")
    void unsafeNamesAreRefusedEverywhere(String bad) {
        Path f = file("f.txt", "content");
        for (Runnable attempt : List.<Runnable>of(
                () -> store.put(bad, "prod0", "f.txt", f),
                () -> store.put(EVENT, bad, "f.txt", f),
                () -> store.put(EVENT, "prod0", bad, f),
                () -> store.fetchFile(EVENT, "prod0", bad),
                () -> store.fetch(EVENT, "prod0", bad, dir.resolve("out")),
                () -> store.manifest().listResources(bad, "prod0"))) {
            assertThatThrownBy(attempt::run)
                    .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT));
        }
        assertThat(store.listAll(null, null)).isEmpty();
        assertThat(root.resolve("objects")).doesNotExist();
    }

    @Test
    void longestAllowedNameIsAccepted() {
        String name = "n".repeat(255);
        store.put(EVENT, "a".repeat(255), name, file("f.txt", "content"));
        assertThat(store.manifest().listResources(EVENT, "a".repeat(255))).containsOnlyKeys(name);
        String multiByte = "\u00e9".repeat(127); // 254 bytes in UTF-8
        store.put(EVENT, "prod0", multiByte, file("g.txt", "content"));
        assertThat(store.fetchFile(EVENT, "prod0", multiByte)).hasContent("content");
    }

    @Test
    void aFlippedByteIsReportedByVerifyAndRefusedByFetch() {
        StoredResource stored = store.put(EVENT, "prod0", "posterior.dat", file("posterior.dat", "0123456789".repeat(100)));
        store.put(EVENT, "prod0", "fine.txt", file("fine.txt", "fine"));
        assertThat(store.verify().clean()).isTrue();

        flipByte(new BlobStore(root).pathOf(stored.sha256()), 500);

        VerifyReport report = store.verify();
        assertThat(report.clean()).isFalse();
        assertThat(report.corruptBlobs()).containsExactly(stored.sha256());
        assertThat(report.rowsWithCorruptBlobs()).containsExactly(stored);
        assertThat(report.missingBlobs()).isEmpty();
        assertThat(report.blobsChecked()).isEqualTo(2);

        Path output = dir.resolve("out/posterior.dat");
        assertThatThrownBy(() -> store.fetch(EVENT, "prod0", "posterior.dat", output))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTEGRITY))
                .hasMessageContaining("corrupt");
        assertThat(output).doesNotExist();
        assertThat(output.getParent()).isEmptyDirectory();
        assertThatThrownBy(() -> store.fetchFile(EVENT, "prod0", "posterior.dat"))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTEGRITY));
        assertThat(store.fetchFile(EVENT, "prod0", "fine.txt")).hasContent("fine");
    }

    @Test
    void puttingTheSameContentAgainRepairsACorruptBlob() {
        Path data = file("posterior.dat", "0123456789".repeat(100));
        StoredResource stored = store.put(EVENT, "prod0", "posterior.dat", data);
        flipByte(new BlobStore(root).pathOf(stored.sha256()), 3);
        assertThat(store.verify().clean()).isFalse();

        store.put(EVENT, "prod0", "posterior.dat", data);

        assertThat(store.verify().clean()).isTrue();
        assertThat(store.fetchFile(EVENT, "prod0", "posterior.dat")).hasSameTextualContentAs(data);
    }

    @Test
    void aMissingBlobIsReportedByVerifyAndRefusedByFetch() throws IOException {
        StoredResource stored = store.put(EVENT, "prod0", "a.txt", file("a.txt", "alpha"));
        StoredResource sharer = store.put(EVENT, "prod1", "same.txt", file("a.txt", "alpha"));
        Files.delete(new BlobStore(root).pathOf(stored.sha256()));

        VerifyReport report = store.verify();
        assertThat(report.clean()).isFalse();
        assertThat(report.missingBlobs()).containsExactly(stored.sha256());
        assertThat(report.rowsWithoutBlobs()).containsExactlyInAnyOrder(stored, sharer);
        assertThatThrownBy(() -> store.fetchFile(EVENT, "prod0", "a.txt"))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTEGRITY))
                .hasMessageContaining("missing");
    }

    @Test
    void gcRemovesOrphansAndStaleTemporaryFilesButNothingYoungOrReferenced() throws IOException {
        StoredResource kept = store.put(EVENT, "prod0", "kept.txt", file("kept.txt", "kept"));
        age(new BlobStore(root).pathOf(kept.sha256()), Duration.ofDays(3));
        BlobStore blobs = new BlobStore(root);
        Path oldOrphan = blobs.pathOf(blobs.put(file("old.txt", "old orphan"), ProgressListener.NONE).sha256());
        age(oldOrphan, Duration.ofHours(2));
        Path youngOrphan = blobs.pathOf(blobs.put(file("young.txt", "young orphan"), ProgressListener.NONE).sha256());
        Path staleTmp = write(root.resolve("tmp/put-1.part"), "half a put");
        age(staleTmp, Duration.ofHours(2));
        Path freshTmp = write(root.resolve("tmp/put-2.part"), "a put in progress");

        VerifyReport before = store.verify();
        assertThat(before.clean()).as("leftovers are not damage").isTrue();
        assertThat(before.unreferencedBlobs()).hasSize(2);
        assertThat(before.temporaryFiles()).isEqualTo(2);

        GcReport report = store.gc(Duration.ofHours(1));

        assertThat(report.blobsRemoved()).isEqualTo(1);
        assertThat(report.bytesRemoved()).isEqualTo("old orphan".length());
        assertThat(report.temporaryFilesRemoved()).isEqualTo(1);
        assertThat(report.youngFilesKept()).isEqualTo(2);
        assertThat(oldOrphan).doesNotExist();
        assertThat(staleTmp).doesNotExist();
        assertThat(youngOrphan).exists();
        assertThat(freshTmp).exists();
        assertThat(store.fetchFile(EVENT, "prod0", "kept.txt")).hasContent("kept");

        assertThat(store.gc(Duration.ZERO).blobsRemoved()).isEqualTo(1);
        assertThat(youngOrphan).doesNotExist();
        assertThat(store.verify().clean()).isTrue();
    }

    @Test
    void unknownFilesAndSourcesGiveNotFound() {
        store.put(EVENT, "prod0", "a.txt", file("a.txt", "alpha"));
        assertThatThrownBy(() -> store.fetchFile(EVENT, "prod0", "b.txt"))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining("a.txt");
        assertThatThrownBy(() -> store.fetchFile(EVENT, "prod9", "a.txt"))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining("nothing is stored for " + EVENT + "/prod9");
        assertThatThrownBy(() -> store.put(EVENT, "prod0", "c.txt", dir.resolve("no-such-file")))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> store.put(EVENT, "prod0", "c.txt", dir))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT));
        assertThat(store.manifest().listResources(EVENT, "prod9")).isEmpty();
    }

    @Test
    void listAllFiltersByEventAndAnalysis() {
        store.put("E1", "a1", "x", file("x", "x"));
        store.put("E1", "a2", "y", file("y", "y"));
        store.put("E2", "a1", "z", file("z", "z"));
        assertThat(store.listAll(null, null)).extracting(StoredResource::name).containsExactly("x", "y", "z");
        assertThat(store.listAll("E1", null)).extracting(StoredResource::name).containsExactly("x", "y");
        assertThat(store.listAll("E1", "a2")).extracting(StoredResource::name).containsExactly("y");
        assertThat(store.listAll(null, "a1")).extracting(StoredResource::name).containsExactly("x", "z");
    }

    @Test
    void progressIsReportedForPutAndFetch() throws IOException {
        Path big = dir.resolve("big.bin");
        try (var out = Files.newOutputStream(big)) {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 5; i++) {
                chunk[0] = (byte) i;
                out.write(chunk);
            }
        }
        List<long[]> seen = new java.util.ArrayList<>();
        store.put(EVENT, "prod0", "big.bin", big, (done, total) -> seen.add(new long[] {done, total}));
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1)).containsExactly(5L << 20, 5L << 20);
        seen.clear();
        store.fetch(EVENT, "prod0", "big.bin", dir.resolve("big.out"), (done, total) -> seen.add(new long[] {done, total}));
        assertThat(seen.get(seen.size() - 1)).containsExactly(5L << 20, 5L << 20);
        assertThat(dir.resolve("big.out")).hasSameBinaryContentAs(big);
    }

    @Test
    void emptyFileRoundTrips() {
        StoredResource stored = store.put(EVENT, "prod0", "empty", file("empty", ""));
        assertThat(stored.size()).isZero();
        assertThat(store.fetchFile(EVENT, "prod0", "empty")).isEmptyFile();
    }

    @Test
    void anEmptyStoreHasZeroStatsAndVerifiesClean() {
        assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0, 0, 0));
        assertThat(store.verify().clean()).isTrue();
        assertThat(store.gc().blobsRemoved()).isZero();
    }

    /** Flyway's history says up to date, but the table was changed by hand: Hibernate's validation says so. */
    @Test
    void aSchemaChangedBehindTheStoresBackIsADatabaseError() throws Exception {
        StoreSettings settings = settings(root);
        store.close();
        store = null;
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(settings.effectiveJdbcUrl(),
                        settings.embedded() ? "sa" : settings.user(), settings.embedded() ? "" : settings.password());
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE asimov.manifest DROP COLUMN stored_at");
        }
        assertThatThrownBy(() -> Store.open(settings))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.DATABASE))
                .hasMessageContaining("does not match this version of asimov")
                .hasMessageContaining("stored_at");
    }

    /**
     * gc with no grace period sees every blob between its rename and its row's commit as an
     * orphan, so running it in a loop beside puts of recurring content forces the race that
     * the quarantine hand-over and the put's post-commit check are there for.
     */
    @Test
    void gcRacingPutsNeverLeavesARowWithoutItsBlob() throws Exception {
        Path[] contents = {file("c0", "content zero"), file("c1", "content one"), file("c2", "content two")};
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger collections = new java.util.concurrent.atomic.AtomicInteger();
        Thread collector = new Thread(() -> {
            while (!done.get()) {
                store.gc(Duration.ZERO);
                collections.incrementAndGet();
            }
        });
        collector.start();
        try {
            for (int i = 0; i < 150; i++) {
                store.put(EVENT, "prod" + (i % 7), "f" + i, contents[i % 3]);
            }
        } finally {
            done.set(true);
            collector.join();
        }
        VerifyReport report = store.verify();
        assertThat(report.missingBlobs()).isEmpty();
        assertThat(report.rowsWithoutBlobs()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(collections.get()).isPositive();
        for (StoredResource r : store.listAll(EVENT, null)) {
            assertThat(store.fetchFile(r.event(), r.analysis(), r.name())).exists();
        }
    }
}
