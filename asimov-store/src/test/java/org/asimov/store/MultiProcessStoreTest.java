package org.asimov.store;

import static org.asimov.store.TestingFiles.sha256;
import static org.asimov.store.TestingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.asimov.core.store.StoredResource;
import org.asimov.store.maintenance.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real asimov processes on one H2 store at once: the first to open the database
 * serves it (AUTO_SERVER) and the others connect through it, taking over when it exits.
 */
class MultiProcessStoreTest {
    private static final int WORKERS = 4;
    private static final int OWN_FILES = 15;
    /** Small files only: a quicker start matters more here than C2's faster hashing. */
    private static final List<String> QUICK_START = List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    @TempDir
    Path dir;

    @Test
    void concurrentPutsFromSeveralProcessesLoseNothingAndFailNone() throws Exception {
        concurrentPuts(StoreSettings.h2(dir.resolve("results")), List.of());
    }

    /** Several hosts sharing one PostgreSQL race on the unique constraint, not on a file lock. */
    @Test
    void concurrentPutsOnPostgresLoseNothingAndFailNone() throws Exception {
        String url = TestingPostgres.newDatabase();
        concurrentPuts(new StoreSettings(dir.resolve("results"), url, TestingPostgres.USER, TestingPostgres.PASSWORD, null),
                List.of("-Dasimov.test.jdbc=" + url, "-Dasimov.test.user=" + TestingPostgres.USER,
                        "-Dasimov.test.password=" + TestingPostgres.PASSWORD));
    }

    private void concurrentPuts(StoreSettings settings, List<String> databaseOptions) throws Exception {
        Path root = settings.root();
        Path go = dir.resolve("go");
        Map<String, String> expected = new HashMap<>(); // event/analysis/name -> content
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            StringBuilder plan = new StringBuilder();
            // the same row from every process: exactly one insert wins, the others see it
            plan.append(line(expected, "GW1", "shared", "environment.json", "{\"same\": true}"));
            // the same content under a different analysis per process: one blob, many rows
            plan.append(line(expected, "GW1", "prod" + w, "environment-pip.txt", "numpy==1.26.4\n"));
            for (int k = 0; k < OWN_FILES; k++) {
                // different content, different analyses, and different names in one shared analysis
                plan.append(line(expected, "GW2", "prod" + w, "sample-" + k + ".dat", "worker " + w + " sample " + k));
                plan.append(line(expected, "GW2", "common", "w" + w + "-" + k + ".dat", "common " + w + "/" + k));
                // the same content again and again, from all processes
                plan.append(line(expected, "GW3", "prod" + (k % 3), "psd-" + k + ".txt", "psd " + k));
            }
            Path planFile = write(dir.resolve("plan-" + w + ".tsv"), plan.toString());
            Path log = dir.resolve("worker-" + w + ".log");
            logs.add(log);
            List<String> options = new ArrayList<>(QUICK_START);
            options.addAll(databaseOptions);
            processes.add(TestingWorkers.start(log, options, root.toString(),
                    dir.resolve("ready-" + w).toString(), go.toString(), planFile.toString()));
        }
        for (int w = 0; w < WORKERS; w++) {
            TestingWorkers.awaitFile(dir.resolve("ready-" + w), Duration.ofSeconds(60), processes.get(w), logs.get(w));
        }
        Files.createFile(go);
        for (int w = 0; w < WORKERS; w++) {
            Process process = processes.get(w);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("worker %d finished", w).isTrue();
            assertThat(process.exitValue()).as("worker %d exit status; its log:%n%s", w, TestingWorkers.log(logs.get(w)))
                    .isZero();
        }

        try (Store store = Store.open(settings)) {
            List<StoredResource> all = store.listAll(null, null);
            Map<String, String> stored = new HashMap<>();
            for (StoredResource r : all) {
                stored.put(r.event() + "/" + r.analysis() + "/" + r.name(), r.sha256());
            }
            Map<String, String> expectedHashes = new HashMap<>();
            expected.forEach((key, content) -> expectedHashes.put(key, sha256(content)));
            assertThat(stored).isEqualTo(expectedHashes);
            for (StoredResource r : all) {
                assertThat(store.fetchFile(r.event(), r.analysis(), r.name()))
                        .hasContent(expected.get(r.event() + "/" + r.analysis() + "/" + r.name()));
            }
            VerifyReport report = store.verify();
            assertThat(report.clean()).isTrue();
            assertThat(report.unreferencedBlobs()).isEmpty();
            assertThat(report.temporaryFiles()).isZero();
            assertThat(store.stats().blobs()).isEqualTo(expected.values().stream().distinct().count());
        }
    }

    @Test
    void twoProcessesCanHoldTheStoreOpenAtOnce() throws Exception {
        Path root = dir.resolve("results");
        try (Store mine = Store.open(root)) {
            mine.put("GW1", "prod0", "a.txt", write(dir.resolve("a.txt"), "from the test process"));
            Path log = dir.resolve("worker.log");
            Process other = TestingWorkers.start(log, QUICK_START, root.toString(), dir.resolve("ready").toString(),
                    "-", write(dir.resolve("plan.tsv"),
                            TestingWorkers.plan("GW1", "prod1", "b.txt", write(dir.resolve("b.txt"), "from the worker"))).toString());
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).as("worker log:%n%s", TestingWorkers.log(log)).isZero();
            assertThat(mine.fetchFile("GW1", "prod1", "b.txt")).hasContent("from the worker");
            mine.put("GW1", "prod2", "c.txt", write(dir.resolve("c.txt"), "after the worker left"));
        }
        try (Store again = Store.open(root)) {
            assertThat(again.listAll("GW1", null)).extracting(StoredResource::name).containsExactly("a.txt", "b.txt", "c.txt");
        }
    }

    private String line(Map<String, String> expected, String event, String analysis, String name, String content)
            throws IOException {
        Path source = dir.resolve("src").resolve(sha256(content + "|" + event + analysis + name));
        write(source, content);
        expected.put(event + "/" + analysis + "/" + name, content);
        return TestingWorkers.plan(event, analysis, name, source);
    }
}
