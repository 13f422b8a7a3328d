package org.asimov.it;

import static org.asimov.it.LifecycleIT.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.core.environment.EnvironmentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env capture} of the cases its early, side-by-side schedule must not get wrong. */
class CaptureCommandIT {
    @TempDir
    Path work;

    /**
     * A conda prefix copied from another machine: its python cannot run here, so the system
     * part cannot start from the probe's answer and must wait for conda's description of it.
     */
    @Test
    void aCopiedCondaPrefixIsCapturedWithItsSystemPart() throws Exception {
        Path prefix = TestingPython.venv(work.resolve("miniforge/envs/copied"));
        TestingCondaPrefix.history(prefix);
        TestingCondaPrefix.record(prefix, "python", "3.11.7", "hab00c5b_0_cpython",
                "https://conda.anaconda.org/conda-forge/linux-64", "linux-64");
        Path python = prefix.resolve("bin/python");
        Path realPython = python.toRealPath();
        Files.delete(python);
        Files.writeString(python, "\u007fELF not for this machine"); // what another architecture's binary is here
        python.toFile().setExecutable(true);

        Path output = work.resolve("captured");
        CliRun.Result result = CliRun.run("env", "capture", "--prefix", prefix.toString(), "--output", output.toString());

        assertOk(result);
        assertThat(result.out()).contains("could not run");
        JsonNode json = new ObjectMapper().readTree(output.resolve(EnvironmentFiles.METADATA).toFile());
        assertThat(json.path("environment_type").asText()).isEqualTo("conda");
        assertThat(json.at("/system/os/id").asText()).isNotEmpty();
        assertThat(output.resolve(EnvironmentFiles.CONDA)).content().contains("python=3.11.7=hab00c5b_0_cpython");
        assertThat(realPython).exists(); // the interpreter the venv was made from is untouched
    }

    /** The early capture is of the target the command resolves; a relative --python resolves the same. */
    @Test
    void aRelativePythonIsCapturedAsTheSameEnvironment() throws Exception {
        Path venv = TestingPython.venv(work.resolve("venv"));
        Path absolute = work.resolve("absolute");
        Path relative = work.resolve("relative");
        assertOk(CliRun.run("env", "capture", "--python", venv.resolve("bin/python").toString(), "--no-system",
                "--output", absolute.toString()));
        Path cwd = Path.of("").toAbsolutePath();
        assertOk(CliRun.run("env", "capture", "--python", cwd.relativize(venv.resolve("bin/python")).toString(),
                "--no-system", "--output", relative.toString()));
        assertThat(relative.resolve(EnvironmentFiles.PIP)).hasSameTextualContentAs(absolute.resolve(EnvironmentFiles.PIP));
        List<String> fingerprints = List.of(absolute, relative).stream().map(dir -> {
            try {
                return new ObjectMapper().readTree(dir.resolve(EnvironmentFiles.METADATA).toFile())
                        .at("/fingerprint/value").asText();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(fingerprints.get(0)).isNotEmpty().isEqualTo(fingerprints.get(1));
    }
}
