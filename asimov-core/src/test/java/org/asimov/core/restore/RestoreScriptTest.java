package org.asimov.core.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreScriptTest {
    @TempDir
    Path dir;

    @Test
    void writesAParsableScriptThatRefusesWhenNoInterpreterMatches() throws Exception {
        RestoreSource source = TestingRecords.source("virtualenv", "3.99.0", "/x/bin/python", TestingRecords.PIP, null, null);
        RestoreRecipe.of(source).write(dir);
        Path script = dir.resolve(RestoreScript.FILE);
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(run("sh", "-n", script.toString()).exitCode).isZero();

        Result refused = run("sh", script.toString());
        assertThat(refused.exitCode).isEqualTo(RestoreScript.NO_INTERPRETER);
        assertThat(refused.output).contains("no Python 3.99.0 (cpython) found").contains("interpreters found")
                .contains("pyenv install 3.99.0");
        assertThat(dir.resolve("venv")).doesNotExist();
    }

    @Test
    void neverTouchesATargetThatHoldsFiles() throws Exception {
        RestoreRecipe.of(TestingRecords.source("virtualenv", "3.11.7", "/x/bin/python", "alpha==1\n", null, null)).write(dir);
        Files.createDirectories(dir.resolve("venv"));
        Files.writeString(dir.resolve("venv/mine.txt"), "keep me");
        Result refused = run("sh", dir.resolve(RestoreScript.FILE).toString());
        assertThat(refused.exitCode).isEqualTo(RestoreScript.TARGET_EXISTS);
        assertThat(refused.output).contains("already exists and is not empty");
        assertThat(dir.resolve("venv/mine.txt")).hasContent("keep me");
    }

    @Test
    void readmeListsTheFilesAndWhatCannotBeRebuilt() {
        Map<String, String> files = RestoreRecipe.of(TestingRecords.source("virtualenv", "3.11.7", "/x/bin/python",
                TestingRecords.PIP, null, null)).files();
        assertThat(files.keySet()).containsExactly("requirements.txt", "restore.sh", "Containerfile", "asimov-restore.def",
                "README.md");
        assertThat(files.get("README.md")).contains("- **mine**: an editable install of /home/me/mine")
                .contains("- **wheelish**: installed from a local path").contains("`restore.sh`");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
