package org.asimov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void writesTheContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("nested").resolve("environment.json");

        AtomicFiles.writeString(target, "{}\n");
        AtomicFiles.writeString(target, "{\"replaced\": true}\n");

        assertThat(target).hasContent("{\"replaced\": true}");
        assertThat(namesIn(target.getParent())).containsExactly("environment.json");
    }

    /**
     * Threads of one process writing the same file each write a temporary file of their own: a
     * reader sees one writer's whole content, and no writer fails because another renamed the
     * temporary file it was writing (as when the temporary file was named by the process).
     */
    @Test
    void writersOfTheSameFileInOneProcessNeverShareATemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("environment-pip.txt");
        int writers = 8;
        int writes = 40;
        // contents of different lengths, so that a mix of two would show
        Set<String> contents = IntStream.range(0, writers)
                .mapToObj(writer -> ("writer " + writer + "\n").repeat(1 + writer * 300))
                .collect(Collectors.toSet());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (String content : contents) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < writes; i++) {
                        AtomicFiles.writeString(target, content);
                        assertThat(contents).contains(Files.readString(target));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS); // rethrows what a writer threw
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(contents).contains(Files.readString(target));
        assertThat(namesIn(dir)).containsExactly("environment-pip.txt");
    }

    /** Readers of a run directory (a shared analysis account, the store's upload) expect the umask's permissions. */
    @Test
    void theFileHasThePermissionsOfAnyNewFileInItsDirectory(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("environment.json");

        AtomicFiles.writeString(written, "{}");

        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aDirectoryThatCannotBeMadeIsAnIoErrorThatNamesTheFile(@TempDir Path dir) throws Exception {
        Path notADirectory = dir.resolve("run");
        Files.writeString(notADirectory, "a file where the directory should be");
        Path target = notADirectory.resolve("environment.json");

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "{}"))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.IO))
                .hasMessageContaining("could not write " + target);
        assertThat(notADirectory).hasContent("a file where the directory should be");
        assertThat(namesIn(dir)).containsExactly("run");
    }

    private static List<String> namesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
