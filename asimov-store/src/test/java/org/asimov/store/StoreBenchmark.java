package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's benchmark: puts per second of many small files, and fetch throughput of a
 * large file, on H2 and on PostgreSQL, plus the time to open a store. Skipped in normal test
 * runs; run it with
 *
 * <pre>mvn -B -q -pl asimov-store -am test -Dtest=StoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dasimov.benchmark=true</pre>
 *
 * ({@code -Dasimov.benchmark.files=10000 -Dasimov.benchmark.mib=1024} are the defaults).
 * Results are logged and written to {@code asimov-store/target/store-benchmark.txt}.
 */
class StoreBenchmark {
    private static final Logger log = LoggerFactory.getLogger(StoreBenchmark.class);

    private static final int FILES = Integer.getInteger("asimov.benchmark.files", 10_000);
    private static final int MEBIBYTES = Integer.getInteger("asimov.benchmark.mib", 1024);

    @TempDir
    static Path dir;

    private static final List<String> results = new ArrayList<>();
    private static Path large;

    @BeforeAll
    static void setUp() {
        Assumptions.assumeTrue(Boolean.getBoolean("asimov.benchmark"), "set -Dasimov.benchmark=true to run the benchmark");
        for (int i = 0; i < FILES; i++) {
            TestingFiles.write(dir.resolve("small").resolve("f" + i + ".txt"), "small file number " + i + "\n");
        }
        large = dir.resolve("large.bin");
        TestingFiles.writeLarge(large, MEBIBYTES);
    }

    @Test
    void h2() throws IOException {
        run("H2", StoreSettings.h2(dir.resolve("h2-store")));
    }

    @Test
    void postgres() throws IOException {
        run("PostgreSQL", new StoreSettings(dir.resolve("pg-store"), TestingPostgres.newDatabase(), TestingPostgres.USER,
                TestingPostgres.PASSWORD, null));
    }

    private static void run(String database, StoreSettings settings) throws IOException {
        long t0 = System.nanoTime();
        try (Store ignored = Store.open(settings)) {
            report(database, "open a new store (create + migrate + boot)", millis(t0), "ms");
        }
        long t1 = System.nanoTime();
        try (Store store = Store.open(settings)) {
            report(database, "open an existing store", millis(t1), "ms");

            long t2 = System.nanoTime();
            for (int i = 0; i < FILES; i++) {
                store.put("GW150914_095045", "prod" + (i % 10), "f" + i + ".txt", dir.resolve("small").resolve("f" + i + ".txt"));
            }
            double seconds = (System.nanoTime() - t2) / 1e9;
            report(database, "put " + FILES + " small files", FILES / seconds, "puts/s");

            long t3 = System.nanoTime();
            store.put("GW150914_095045", "prod0", "large.bin", large);
            double putSeconds = (System.nanoTime() - t3) / 1e9;
            report(database, "put a " + MEBIBYTES + " MiB file", MEBIBYTES / putSeconds, "MiB/s");

            Path out = dir.resolve(database + "-large.out");
            long t4 = System.nanoTime();
            store.fetch("GW150914_095045", "prod0", "large.bin", out);
            double fetchSeconds = (System.nanoTime() - t4) / 1e9;
            report(database, "fetch a " + MEBIBYTES + " MiB file to a new file", MEBIBYTES / fetchSeconds, "MiB/s");
            Files.delete(out);

            long t5 = System.nanoTime();
            store.fetchFile("GW150914_095045", "prod0", "large.bin");
            double verifySeconds = (System.nanoTime() - t5) / 1e9;
            report(database, "fetchFile (re-hash in place) of a " + MEBIBYTES + " MiB file", MEBIBYTES / verifySeconds, "MiB/s");

            long t6 = System.nanoTime();
            assertThat(store.manifest().listResources("GW150914_095045", "prod3")).hasSize(FILES / 10);
            report(database, "listResources of " + FILES / 10 + " files", millis(t6), "ms");
        }
        Files.write(Path.of("target", "store-benchmark.txt"), results);
    }

    /** What a CLI command touching the store pays: a new JVM that opens an existing H2 store and closes it. */
    @Test
    void h2ColdProcess() throws Exception {
        Path root = dir.resolve("cold-store");
        try (Store store = Store.open(root)) {
            store.put("GW1", "prod0", "a.txt", dir.resolve("small").resolve("f0.txt"));
        }
        Path plan = TestingFiles.write(dir.resolve("empty-plan.tsv"), "");
        List<Double> walls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path ready = dir.resolve("cold-ready-" + i);
            long t = System.nanoTime();
            Process worker = TestingWorkers.start(dir.resolve("cold-" + i + ".log"), List.of(), root.toString(), ready.toString(),
                    "-", plan.toString());
            assertThat(worker.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            walls.add(millis(t));
        }
        walls.sort(Double::compare);
        report("H2", "new JVM: start, open existing store, close (median of 5)", walls.get(2), "ms");
        Files.write(Path.of("target", "store-benchmark.txt"), results);
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static void report(String database, String what, double value, String unit) {
        String line = String.format(Locale.ROOT, "%-10s %-55s %10.1f %s", database, what, value, unit);
        log.info(line);
        results.add(line);
    }
}
