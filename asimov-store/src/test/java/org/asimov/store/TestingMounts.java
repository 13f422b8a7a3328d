package org.asimov.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * Small tmpfs mounts for fault tests. The tests run as root, where file permissions do not
 * stop writes, so a full disk and a read-only file system are made for real with mount(8);
 * where mounting is not allowed the tests are skipped, not faked.
 */
final class TestingMounts implements AutoCloseable {
    private final List<Path> mounted = new ArrayList<>();

    /** Mounts a tmpfs of {@code size} (e.g. "16m") at {@code where}, or skips the test. */
    Path tmpfs(Path where, String size) throws IOException, InterruptedException {
        Files.createDirectories(where);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", where.toString()) == 0,
                "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
        mounted.add(where);
        return where;
    }

    /** Mounts an empty, read-only tmpfs at {@code where}, or skips the test. */
    Path tmpfsReadOnly(Path where) throws IOException, InterruptedException {
        Files.createDirectories(where);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", where.toString()) == 0,
                "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
        mounted.add(0, where);
        return where;
    }

    void remountReadOnly(Path where) throws IOException, InterruptedException {
        Assumptions.assumeTrue(run("mount", "-o", "remount,ro", where.toString()) == 0, "cannot remount read-only");
    }

    void remountReadWrite(Path where) throws IOException, InterruptedException {
        run("mount", "-o", "remount,rw", where.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Path where : mounted) {
            run("umount", "-l", where.toString());
        }
        mounted.clear();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        if (process.exitValue() != 0) {
            LoggerFactory.getLogger(TestingMounts.class).warn("{} failed: {}", String.join(" ", command), output.strip());
        }
        return process.exitValue();
    }
}
