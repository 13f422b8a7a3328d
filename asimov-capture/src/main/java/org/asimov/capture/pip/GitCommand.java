package org.asimov.capture.pip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code git} the way pip's VCS support does: in a directory, capturing stdout. */
final class GitCommand {
    private static final long TIMEOUT_SECONDS = 30;

    /** What one git run said: its exit status and standard output; status -1 when git could not run. */
    record Result(int exitCode, String stdout) {
        boolean ok() {
            return exitCode == 0;
        }

        boolean gitMissing() {
            return exitCode == -1;
        }
    }

    private GitCommand() {
    }

    static Result run(Path directory, String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(128, "");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(128, "");
        }
    }
}
