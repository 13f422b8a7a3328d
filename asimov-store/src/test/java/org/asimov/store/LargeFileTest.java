package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 1 GiB file stores and fetches in a process with a 64 MiB heap: blobs stream through one
 * fixed buffer in both directions.
 */
class LargeFileTest {
    private static final Logger log = LoggerFactory.getLogger(LargeFileTest.class);
    private static final int MEBIBYTES = 1024;

    @TempDir
    Path dir;

    @Test
    void oneGibibyteRoundTripsWithA64MebibyteHeap() throws Exception {
        Path source = dir.resolve("in/posterior_samples.h5");
        String expected = TestingFiles.writeLarge(source, MEBIBYTES);
        Path root = dir.resolve("results");
        Path out = dir.resolve("out");
        Path log = dir.resolve("worker.log");

        long started = System.nanoTime();
        Process worker = TestingWorkers.start(log, List.of("-Xmx64m"), root.toString(), dir.resolve("ready").toString(), "-",
                TestingFiles.write(dir.resolve("plan.tsv"), TestingWorkers.plan("GW1", "prod0", "posterior_samples.h5", source))
                        .toString(),
                "--fetch-to", out.toString());
        assertThat(worker.waitFor(180, TimeUnit.SECONDS)).as("worker finished").isTrue();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(worker.exitValue()).as("worker log:%n%s", TestingWorkers.log(log)).isZero();
        LargeFileTest.log.info("1 GiB put + fetch in a -Xmx64m JVM took {} ms (including JVM start and store open)", millis);

        Path fetched = out.resolve("GW1/prod0/posterior_samples.h5");
        assertThat(Files.size(fetched)).isEqualTo((long) MEBIBYTES << 20);
        assertThat(TestingFiles.sha256(fetched)).isEqualTo(expected);
        try (Store store = Store.open(root)) {
            assertThat(store.list("GW1", "prod0")).singleElement()
                    .satisfies(r -> assertThat(r.sha256()).isEqualTo(expected));
        }
    }
}
