package org.asimov.capture.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asimov.capture.process.ProcessRunner;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.restore.RestoreScript;

/**
 * Runs a restore directory's restore.sh, streaming what it prints, and turns its failures into
 * errors that say what happened: no interpreter of the recorded version, no conda, a target that
 * is not empty, or the distributions pip could not find, each named.
 */
public final class RecipeExecution {
    /** pip's words when a requirement cannot be satisfied: {@code No matching distribution found for alpha==0.1.0}. */
    private static final Pattern NOT_FOUND = Pattern.compile("No matching distribution found for (\\S+)");

    private RecipeExecution() {
    }

    /**
     * @param directory where restore.sh and its files are
     * @param target    the environment to create; it must not exist or be empty
     * @param findLinks a wheelhouse for pip's {@code --find-links}, {@code null} for none
     * @param noIndex   pip's {@code --no-index} (and conda's {@code --offline})
     * @param output    receives each line restore.sh and the tools it runs print
     */
    public static void run(Path directory, Path target, Path findLinks, boolean noIndex, Duration timeout,
            Consumer<String> output) {
        List<String> command = new ArrayList<>(List.of("sh", directory.resolve(RestoreScript.FILE).toString()));
        if (findLinks != null) {
            command.addAll(List.of("--find-links", findLinks.toString()));
        }
        if (noIndex) {
            command.add("--no-index");
        }
        command.add(target.toString());
        ProcessRunner.Result result;
        try {
            result = ProcessRunner.run(command, directory, Map.of(), timeout, output);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.RESTORE_FAILED, "could not run " + command.get(1) + ": " + e.getMessage()
                    + "; is 'sh' on PATH?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AsimovException(ErrorKind.RESTORE_FAILED, "interrupted while restoring into " + target, e);
        }
        if (result.timedOut()) {
            throw new AsimovException(ErrorKind.RESTORE_FAILED, "restore.sh took longer than " + timeout.toMinutes()
                    + " minutes and was stopped; " + target + " is incomplete: remove it, then run again with a longer"
                    + " --timeout");
        }
        if (result.exitCode() != 0) {
            throw failure(result, target, findLinks, noIndex);
        }
    }

    /** What the user can do about missing distributions, given where pip was told to look. */
    private static String whereToPut(int missing, Path findLinks, boolean noIndex) {
        String them = missing == 1 ? "it" : "them";
        if (findLinks != null) {
            return "add " + them + " to " + findLinks + (noIndex ? " (or restore without --no-index)" : "");
        }
        return "put " + them + " in a directory of wheels and pass it with --find-links"
                + (noIndex ? " (or restore without --no-index)" : ", or point pip at an index that has " + them);
    }

    private static AsimovException failure(ProcessRunner.Result result, Path target, Path findLinks, boolean noIndex) {
        String said = scriptLines(result.stdout() + result.stderr());
        return switch (result.exitCode()) {
            case RestoreScript.NO_INTERPRETER -> new AsimovException(ErrorKind.NOT_FOUND,
                    "no interpreter matches the record:\n" + said);
            case RestoreScript.NO_CONDA -> new AsimovException(ErrorKind.NOT_FOUND, "conda is needed:\n" + said);
            case RestoreScript.TARGET_EXISTS -> new AsimovException(ErrorKind.CONFLICT, said);
            default -> {
                Set<String> missing = missing(result.stdout() + result.stderr());
                if (!missing.isEmpty()) {
                    yield new AsimovException(ErrorKind.NOT_FOUND, "pip found no distribution for "
                            + String.join(", ", missing) + " in the places it was allowed to look; "
                            + whereToPut(missing.size(), findLinks, noIndex) + "; " + target
                            + " is incomplete: remove it before trying again");
                }
                yield new AsimovException(ErrorKind.RESTORE_FAILED, "restore.sh failed with exit status "
                        + result.exitCode() + " (its output is above)" + (said.isEmpty() ? "" : ":\n" + said));
            }
        };
    }

    /** The requirements pip said it could not find, in the order it said so. */
    static Set<String> missing(String output) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher matcher = NOT_FOUND.matcher(output);
        while (matcher.find()) {
            missing.add(matcher.group(1));
        }
        return missing;
    }

    /** What restore.sh itself said, without the tools' output. */
    private static String scriptLines(String output) {
        StringBuilder said = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.startsWith("restore.sh: ") || line.startsWith("    ")) {
                said.append(said.length() == 0 ? "" : "\n").append(line);
            }
        }
        return said.toString();
    }
}
