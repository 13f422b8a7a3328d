package org.asimov.capture.pip;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.asimov.capture.process.ProcessRunner;

/** Runs {@code git} the way pip's VCS support does: in a directory, capturing stdout. */
final class GitCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
        try {
            ProcessRunner.Result result = ProcessRunner.run(command, directory, Map.of(), TIMEOUT);
            return result.timedOut() ? new Result(128, "") : new Result(result.exitCode(), result.stdout());
        } catch (IOException e) {
            return new Result(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(128, "");
        }
    }
}
