package org.asimov.capture.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.restore.RestoreScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRecipeExecution {
    @TempDir
    Path dir;

    @Test
    void namesWhatPipCouldNotFind() throws IOException {
        // what pip 23-24 prints, to stderr, when --no-index and the wheelhouse lacks a requirement
        script("""
                echo "Looking in links: /w" >&2
                echo "ERROR: Could not find a version that satisfies the requirement beta==0.2.0 (from versions: none)" >&2
                echo "ERROR: No matching distribution found for beta==0.2.0" >&2
                echo "restore.sh: pip could not install the recorded distributions" >&2
                exit 13
                """);
        List<String> streamed = new ArrayList<>();
        assertThatThrownBy(() -> RecipeExecution.run(dir, dir.resolve("venv"), null, true, Duration.ofMinutes(1), streamed::add))
                .isInstanceOfSatisfying(AsimovException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("pip found no distribution for beta==0.2.0")
                            .contains("pass it with --find-links (or restore without --no-index)");
                });
        assertThat(streamed).contains("ERROR: No matching distribution found for beta==0.2.0");
    }

    @Test
    void theHintNamesTheWheelhouseGivenAndNoOptionNotGiven() throws IOException {
        script("echo 'ERROR: No matching distribution found for beta==0.2.0' >&2\nexit 13\n");
        Path wheelhouse = dir.resolve("wheels");
        assertThatThrownBy(() -> RecipeExecution.run(dir, dir.resolve("venv"), wheelhouse, false, Duration.ofMinutes(1),
                line -> { }))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.getMessage())
                        .contains("add it to " + wheelhouse).doesNotContain("--no-index"));
    }

    @Test
    void otherFailuresSayWhatTheScriptSaid() throws IOException {
        script("echo 'restore.sh: something else went wrong' >&2\nexit 13\n");
        assertThatThrownBy(() -> RecipeExecution.run(dir, dir.resolve("venv"), null, false, Duration.ofMinutes(1), line -> { }))
                .isInstanceOfSatisfying(AsimovException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.RESTORE_FAILED);
                    assertThat(e.getMessage()).contains("exit status 13").contains("something else went wrong");
                });
    }

    @Test
    void passesTheOptionsAndTheTarget() throws IOException {
        script("echo \"args: $*\"\n");
        List<String> streamed = new ArrayList<>();
        RecipeExecution.run(dir, dir.resolve("venv"), Path.of("/w h"), true, Duration.ofMinutes(1), streamed::add);
        assertThat(streamed).containsExactly("args: --find-links /w h --no-index " + dir.resolve("venv"));
    }

    private void script(String body) throws IOException {
        Files.writeString(dir.resolve(RestoreScript.FILE), "#!/bin/sh\n" + body);
    }
}
