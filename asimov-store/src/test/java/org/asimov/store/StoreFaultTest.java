package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk and an unwritable store give clear errors and leave no half-written rows. */
class StoreFaultTest {
    @TempDir
    Path dir;

    private final TestingMounts mounts = new TestingMounts();

    @AfterEach
    void unmount() throws Exception {
        mounts.close();
    }

    @Test
    void aFullDiskRefusesThePutWithAClearErrorAndRecordsNothing() throws Exception {
        Path disk = mounts.tmpfs(dir.resolve("disk"), "12m");
        Path root = disk.resolve("results");
        Path big = dir.resolve("in/big.bin");
        TestingFiles.writeLarge(big, 32);
        try (Store store = Store.open(root)) {
            store.put("GW1", "prod0", "small.txt", TestingFiles.write(dir.resolve("in/small.txt"), "fits"));

            assertThatThrownBy(() -> store.put("GW1", "prod0", "big.bin", big))
                    .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.IO))
                    .hasMessageContaining("the disk is full")
                    .hasMessageContaining("nothing was recorded");

            assertThat(store.list("GW1", "prod0")).extracting(r -> r.name()).containsExactly("small.txt");
            try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
                assertThat(tmp).as("the partial blob is removed at once").isEmpty();
            }
            assertThat(store.verify().clean()).isTrue();
            store.put("GW1", "prod0", "after.txt", TestingFiles.write(dir.resolve("in/after.txt"), "space again"));
            assertThat(store.fetchFile("GW1", "prod0", "after.txt")).hasContent("space again");
        }
    }

    /**
     * Run in a separate process, as the CLI would: H2 that could not write its file on close
     * stays half-open inside that JVM, which a new process does not inherit.
     */
    @Test
    void aDiskTooFullEvenForTheDatabaseLeavesNoRowBehind() throws Exception {
        Path disk = mounts.tmpfs(dir.resolve("disk"), "12m");
        Path root = disk.resolve("results");
        try (Store store = Store.open(root)) {
            store.put("GW1", "prod0", "first.txt", TestingFiles.write(dir.resolve("in/first.txt"), "first"));
        }
        Path filler = disk.resolve("filler");
        fillUp(filler);

        Path log = dir.resolve("worker.log");
        Process worker = TestingWorkers.start(log, List.of("-Xmx64m"), root.toString(), dir.resolve("ready").toString(), "-",
                TestingFiles.write(dir.resolve("plan.tsv"), TestingWorkers.plan("GW1", "prod0", "second.txt",
                        TestingFiles.write(dir.resolve("in/second.txt"), "second"))).toString());
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).as("worker log:%n%s", TestingWorkers.log(log))
                .isIn(ErrorKind.IO.exitCode(), ErrorKind.DATABASE.exitCode(), 99);
        assertThat(TestingWorkers.log(log)).containsAnyOf("disk is full", "No space left on device");

        Files.delete(filler);
        try (Store store = Store.open(root)) {
            assertThat(store.list("GW1", "prod0")).extracting(r -> r.name()).containsExactly("first.txt");
            assertThat(store.verify().clean()).isTrue();
            store.put("GW1", "prod0", "second.txt", dir.resolve("in/second.txt"));
            assertThat(store.fetchFile("GW1", "prod0", "second.txt")).hasContent("second");
        }
    }

    @Test
    void aStoreDirectoryThatCannotBeCreatedIsAnIoError() throws Exception {
        Path file = TestingFiles.write(dir.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> Store.open(file.resolve("results")))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.IO))
                .hasMessageContaining("could not create the store directory");
    }

    @Test
    void aReadOnlyFileSystemIsAnIoErrorAndRecordsNothing() throws Exception {
        Path disk = mounts.tmpfs(dir.resolve("disk"), "16m");
        Path root = disk.resolve("results");
        try (Store store = Store.open(root)) {
            store.put("GW1", "prod0", "first.txt", TestingFiles.write(dir.resolve("in/first.txt"), "first"));
        }
        mounts.remountReadOnly(disk);
        assertThatThrownBy(() -> Store.open(root))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.IO))
                .hasMessageContaining("Read-only file system");

        mounts.remountReadWrite(disk);
        try (Store store = Store.open(root)) {
            // The open database keeps the file system from being remounted read-only, so make
            // the blob side unwritable: a read-only file system over tmp/, where puts start.
            mounts.tmpfsReadOnly(root.resolve("tmp"));
            Path source = TestingFiles.write(dir.resolve("in/second.txt"), "second");
            assertThatThrownBy(() -> store.put("GW1", "prod0", "second.txt", source))
                    .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.IO))
                    .hasMessageContaining("Read-only file system")
                    .hasMessageContaining("nothing was recorded");
            assertThat(store.list("GW1", "prod0")).extracting(r -> r.name()).containsExactly("first.txt");
            assertThat(store.fetchFile("GW1", "prod0", "first.txt")).as("reading still works").hasContent("first");
        }
    }

    private static void fillUp(Path filler) throws Exception {
        byte[] chunk = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (java.io.IOException full) {
            // the disk is full now, as intended
        }
    }
}
