package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.asimov.store.maintenance.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process killed with SIGKILL in the middle of putting (while copying a large blob, while
 * fsyncing or renaming it, or between small puts and their row commits) leaves a store that
 * verify finds clean, that the next process opens despite H2's stale lock file, and where the
 * same puts then succeed.
 */
class KilledPutTest {
    private static final Logger log = LoggerFactory.getLogger(KilledPutTest.class);

    /** When to kill the worker, watching the store's directories from outside. */
    private record KillPoint(String when, Predicate<Path> reached) {
    }

    private static final List<KillPoint> KILL_POINTS = List.of(
            new KillPoint("right after opening the store", root -> true),
            new KillPoint("while copying the large blob into tmp/", root -> largestTemporaryFile(root) > (8L << 20)),
            new KillPoint("as soon as the large blob is in objects/ (its row may not be committed)",
                    root -> blobCount(root) >= 1),
            new KillPoint("in the middle of the small puts", root -> blobCount(root) >= 30));

    @TempDir
    Path dir;

    @Test
    void aKilledPutLeavesACleanStoreWhereTheSamePutSucceeds() throws Exception {
        Path big = dir.resolve("in/big.bin");
        String bigSha = TestingFiles.writeLarge(big, 64);
        Map<String, Path> smallFiles = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            smallFiles.put("small-" + i + ".txt", TestingFiles.write(dir.resolve("in/small-" + i + ".txt"), "small " + i));
        }

        for (int round = 0; round < KILL_POINTS.size(); round++) {
            KillPoint point = KILL_POINTS.get(round);
            // a fresh store each round, so that what the kill points watch for is this round's doing
            Path root = dir.resolve("results-" + round);
            String analysis = "prod" + round;
            List<String[]> plan = new ArrayList<>();
            plan.add(new String[] {"GW1", analysis, "big.bin", big.toString()});
            smallFiles.forEach((name, path) -> plan.add(new String[] {"GW1", analysis, name, path.toString()}));
            StringBuilder text = new StringBuilder();
            for (String[] p : plan) {
                text.append(String.join("\t", p)).append('\n');
            }
            Path planFile = TestingFiles.write(dir.resolve("plan-" + round + ".tsv"), text.toString());
            Path ready = dir.resolve("ready-" + round);
            Path logFile = dir.resolve("worker-" + round + ".log");

            Process worker = TestingWorkers.start(logFile, List.of("-Xmx64m"), root.toString(), ready.toString(), "-",
                    planFile.toString());
            TestingWorkers.awaitFile(ready, Duration.ofSeconds(60), worker, logFile);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!point.reached().test(root) && worker.isAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(worker.isAlive()).as("worker still running when %s; log:%n%s", point.when(),
                    TestingWorkers.log(logFile)).isTrue();
            worker.destroyForcibly(); // SIGKILL: no shutdown hooks, no H2 close
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();

                long opening = System.nanoTime();
            try (Store store = Store.open(root)) {
                long openMillis = (System.nanoTime() - opening) / 1_000_000;
                int rowsBefore = store.list("GW1", analysis).size();
                VerifyReport afterKill = store.verify();
                log.info("killed {}: reopened in {} ms; {} of {} rows committed, {} temporary files, {} unreferenced blobs",
                        point.when(), openMillis, rowsBefore, plan.size(), afterKill.temporaryFiles(),
                        afterKill.unreferencedBlobs().size());
                assertThat(afterKill.clean()).as("verify after kill in round %d: %s", round, afterKill).isTrue();
                // Puts run one after another, so only the one in flight may have a blob without
                // its row; more would mean rows the worker had committed were lost with it.
                assertThat(afterKill.unreferencedBlobs()).hasSizeLessThanOrEqualTo(1);

                for (String[] p : plan) {
                    store.put(p[0], p[1], p[2], Path.of(p[3]));
                }
                assertThat(store.list("GW1", analysis)).hasSize(plan.size());
                assertThat(TestingFiles.sha256(store.fetchFile("GW1", analysis, "big.bin"))).isEqualTo(bigSha);
                assertThat(store.fetchFile("GW1", analysis, "small-7.txt")).hasContent("small 7");

                store.gc(Duration.ZERO);
                VerifyReport afterGc = store.verify();
                assertThat(afterGc.clean()).isTrue();
                assertThat(afterGc.temporaryFiles()).isZero();
                assertThat(afterGc.unreferencedBlobs()).isEmpty();
            }
        }
    }

    private static long largestTemporaryFile(Path root) {
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            return files.mapToLong(f -> f.toFile().length()).max().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long blobCount(Path root) {
        try (Stream<Path> files = Files.walk(root.resolve("objects"))) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
