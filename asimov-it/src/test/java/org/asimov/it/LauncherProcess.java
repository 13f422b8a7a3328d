package org.asimov.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a bin/asimov launcher script as a user does, in its own process, and keeps what it printed. */
final class LauncherProcess {
    /** A first run after a build makes the start-up caches: several JVMs of training runs. */
    private static final long TIMEOUT_SECONDS = 180;

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + "\n" + err;
        }
    }

    private LauncherProcess() {
    }

    /** Runs the launcher in directory; environment edits the variables it inherits. */
    static Run run(Path launcher, Path directory, Consumer<Map<String, String>> environment, String... args)
            throws IOException, InterruptedException {
        assertThat(launcher).isExecutable();
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            environment.accept(builder.environment());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(launcher + " " + String.join(" ", args) + " did not end within "
                        + TIMEOUT_SECONDS + " s:\n" + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
