package org.asimov.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link StoreWorker}s as real JVMs on this test's class path. */
final class TestingWorkers {
    private TestingWorkers() {
    }

    /**
     * Starts a worker. Options such as {@code -XX:TieredStopAtLevel=1} make it start faster
     * but leave SHA-256 without its C2 intrinsic, several times slower on large files.
     */
    static Process start(Path logFile, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StoreWorker.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(logFile.getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
    }

    static void awaitFile(Path file, Duration timeout, Process process, Path logFile) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                throw new AssertionError("worker exited with " + process.exitValue() + " before creating " + file
                        + "; its log:\n" + log(logFile));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("worker did not create " + file + " within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    static String log(Path logFile) {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static String plan(String event, String analysis, String name, Path source) {
        return String.join("\t", event, analysis, name, source.toString()) + System.lineSeparator();
    }
}
