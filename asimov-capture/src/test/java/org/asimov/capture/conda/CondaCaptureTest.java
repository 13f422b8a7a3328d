package org.asimov.capture.conda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.TestingPython;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentJson;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole capture of conda prefixes, with the real conda reader behind the capture: one whose
 * interpreter runs here, and one copied from elsewhere whose interpreter cannot.
 */
class CondaCaptureTest {
    private final PythonEnvironmentCapture capture =
            new PythonEnvironmentCapture(new InterpreterProbe(), CondaMetaExporter.standard());

    @Test
    void aCondaPrefixWithARunningPython(@TempDir Path tmp) {
        Path prefix = tmp.resolve("miniforge").resolve("envs").resolve("analysis");
        // a real interpreter in the prefix, then conda's records beside it
        TestingPython.venv(TestingPython.pyenv("3.12"), prefix, "--without-pip");
        TestingCondaPrefix conda = new TestingCondaPrefix(prefix, "3.12").history();
        conda.record("python", "3.12.3", "hab00c5b_0_cpython").channel(TestingCondaPrefix.CONDA_FORGE).write();
        conda.record("numpy", "1.26.4", "py312heda63a1_0").channel(TestingCondaPrefix.CONDA_FORGE)
                .depends("python >=3.12,<3.13.0a0")
                .files(conda.distInfo("numpy-1.26.4.dist-info", "numpy", "1.26.4")).write();
        conda.distInfo("Local_Tool-0.3.dist-info", "Local_Tool", "0.3");

        EnvironmentSnapshot snapshot = capture.capture(CaptureTarget.ofPrefix(prefix));

        assertThat(snapshot.type()).isEqualTo(EnvironmentType.CONDA);
        assertThat(snapshot.condaEnvName()).isEqualTo("analysis");
        assertThat(snapshot.condaExport()).contains("\nnumpy=1.26.4=py312heda63a1_0\n", "\npython=3.12.3=hab00c5b_0_cpython\n",
                "\nlocal-tool=0.3=pypi_0\n", "# platform: linux-64\n");
        assertThat(snapshot.pipFreeze()).contains("Local_Tool==0.3\n", "numpy==1.26.4\n");
        assertThat(snapshot.countPackages("conda")).isEqualTo(2);
        // local-tool is listed by both pip freeze and conda (as pypi_0), and recorded once
        assertThat(snapshot.countPackages("pip")).isEqualTo(2);
        assertThat(snapshot.timingsMillis()).containsKey("conda");
        assertThat(EnvironmentJson.render(snapshot)).contains("\"conda_env_name\" : \"analysis\"", "\"environment_type\" : \"conda\"",
                "\"subdir\" : \"linux-64\"", "\"channel\" : \"conda-forge\"");
        assertThat(snapshot.condaSubdirs()).containsEntry("numpy", "linux-64").containsEntry("python", "linux-64")
                .doesNotContainKey("local-tool");
    }

    /** A prefix from another machine: its python cannot run here; the capture still reads it. */
    @Test
    void aCopiedCondaPrefixWhosePythonCannotRun(@TempDir Path tmp) throws Exception {
        Path prefix = tmp.resolve("copied");
        Files.createDirectories(prefix.resolve("bin"));
        Files.write(prefix.resolve("bin").resolve("python"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        prefix.resolve("bin").resolve("python").toFile().setExecutable(true);
        TestingCondaPrefix conda = new TestingCondaPrefix(prefix, "3.11").history();
        conda.record("python", "3.11.9", "hb806964_0_cpython").channel(TestingCondaPrefix.CONDA_FORGE).write();
        conda.distInfo("Pillow-10.0.0.dist-info", "Pillow", "10.0.0");
        Path site = conda.sitePackagesDir();

        EnvironmentSnapshot snapshot = capture.capture(CaptureTarget.ofPrefix(prefix));

        // pip's own reading of the same directory is the reference
        String pip = TestingPython.run(tmp, Map.of(), List.of(TestingPython.pyenv("3.11").toString(), "-m", "pip",
                "freeze", "--disable-pip-version-check", "--path", site.toString()));
        assertThat(snapshot.pipFreeze()).isEqualTo(pip).contains("Pillow==10.0.0");
        assertThat(snapshot.condaExport()).contains("\npillow=10.0.0=pypi_0\n", "\npython=3.11.9=hb806964_0_cpython\n");
        assertThat(snapshot.interpreter().version()).isEqualTo("3.11.9");
        assertThat(snapshot.warnings()).anySatisfy(w -> assertThat(w).contains("could not run"));
    }
}
