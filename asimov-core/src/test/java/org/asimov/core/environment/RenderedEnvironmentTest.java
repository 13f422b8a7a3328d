package org.asimov.core.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderedEnvironmentTest {
    private static final InterpreterInfo PYTHON = new InterpreterInfo("3.12.2 (main, Feb  6 2024, 20:19:44) [GCC 12.2.0]",
            "3.12.2", "cpython", "/opt/conda/envs/pe/bin/python", "/opt/conda/envs/pe", "/opt/conda/envs/pe",
            List.of("/opt/conda/envs/pe/lib/python3.12/site-packages"), "linux-x86_64");

    @TempDir
    Path dir;

    /** env capture renders on the capturing thread and writes on main: the files are the ones written directly. */
    @Test
    void filesRenderedOnAnotherThreadAreTheFilesWrittenDirectly() throws Exception {
        String pip = "Foo_Bar==1.0\nnumpy==1.26.4\n";
        String conda = "# platform: linux-64\nfoo-bar=1.0=pypi_0\nnumpy=1.26.4=py312h8753938_0\n";
        EnvironmentSnapshot snapshot = new EnvironmentSnapshot(Instant.parse("2024-03-01T10:15:30Z"),
                EnvironmentType.CONDA, PYTHON, "pe", pip, conda,
                List.of(PackageRecord.conda("numpy", "1.26.4", "py312h8753938_0", "conda-forge")),
                Fingerprint.of(PYTHON, pip, conda), List.of("a warning"), Map.of(), Map.of("numpy", "linux-64"));

        RenderedEnvironment rendered = CompletableFuture.supplyAsync(() -> RenderedEnvironment.of(snapshot, null)).get();
        EnvironmentFiles.Written fromRendered = EnvironmentWriter.write(rendered, dir.resolve("rendered"));
        EnvironmentFiles.Written direct = EnvironmentWriter.write(snapshot, dir.resolve("direct"));

        assertThat(rendered.snapshot()).isSameAs(snapshot);
        assertThat(rendered.system()).isNull();
        assertThat(Files.readString(fromRendered.metadata())).isEqualTo(Files.readString(direct.metadata()))
                .isEqualTo(EnvironmentJson.render(snapshot)).contains("\"fingerprint\"", "a warning");
        assertThat(Files.readString(fromRendered.pip())).isEqualTo(pip);
        assertThat(Files.readString(fromRendered.conda())).isEqualTo(conda);
        assertThat(dir.resolve("rendered").resolve(EnvironmentFiles.SYSTEM)).doesNotExist();
    }
}
