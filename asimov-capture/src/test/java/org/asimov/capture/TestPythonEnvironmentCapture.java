package org.asimov.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.asimov.capture.conda.CondaExport;
import org.asimov.capture.conda.CondaExporter;
import org.asimov.capture.conda.UnavailableCondaExporter;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentJson;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.environment.PackageRecord;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPythonEnvironmentCapture {
    /**
     * A conda reader good enough to show the seam: one line per conda-meta record file, the
     * python version from a {@code python-<version>-<build>.json} record's name.
     */
    static final class ListingCondaExporter implements CondaExporter {
        @Override
        public Optional<CondaExport> export(Path prefix) {
            try (Stream<Path> records = Files.list(prefix.resolve("conda-meta"))) {
                List<String> names = records.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
                StringBuilder text = new StringBuilder("# platform: linux-64\n");
                names.forEach(n -> text.append(n, 0, n.length() - 5).append('\n'));
                List<PackageRecord> packages = names.stream().map(n -> PackageRecord.conda(n, "1", "0", null)).toList();
                String python = names.stream().filter(n -> n.startsWith("python-")).map(n -> n.split("-")[1]).findFirst().orElse(null);
                return Optional.of(new CondaExport(text.toString(), packages, List.of(), python, "linux-64", prefix.getFileName().toString()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    @Test
    void condaPrefixGoesThroughTheExporter(@TempDir Path tmp) throws IOException {
        Path prefix = tmp.resolve("envs").resolve("analysis");
        TestingPython.venv(TestingPython.pyenv("3.12"), prefix, "--without-pip");
        Files.createDirectories(prefix.resolve("conda-meta"));
        Files.writeString(prefix.resolve("conda-meta").resolve("history"), "");
        Files.writeString(prefix.resolve("conda-meta").resolve("python-3.12.1-h0.json"), "{}");

        EnvironmentSnapshot snapshot = new PythonEnvironmentCapture(new InterpreterProbe(), new ListingCondaExporter())
                .capture(CaptureTarget.ofPrefix(prefix));

        assertThat(snapshot.type()).isEqualTo(EnvironmentType.CONDA);
        assertThat(snapshot.condaEnvName()).isEqualTo("analysis");
        assertThat(snapshot.condaExport()).contains("python-3.12.1-h0");
        assertThat(snapshot.countPackages("conda")).isEqualTo(1);
        assertThat(snapshot.timingsMillis()).containsKey("conda");
        assertThat(EnvironmentJson.render(snapshot)).contains("\"conda_env_name\" : \"analysis\"", "\"environment_type\" : \"conda\"");

        assertThatThrownBy(() -> new PythonEnvironmentCapture(new InterpreterProbe(), new UnavailableCondaExporter())
                .capture(CaptureTarget.ofPrefix(prefix)))
                .isInstanceOf(AsimovException.class)
                .satisfies(e -> assertThat(((AsimovException) e).kind()).isEqualTo(ErrorKind.CAPTURE_FAILED));
    }

    /** A prefix from another machine: its python cannot run here, the capture still reads it. */
    @Test
    void condaPrefixWhosePythonCannotRun(@TempDir Path tmp) throws IOException {
        Path prefix = tmp.resolve("copied");
        Files.createDirectories(prefix.resolve("bin"));
        Files.write(prefix.resolve("bin").resolve("python"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        prefix.resolve("bin").resolve("python").toFile().setExecutable(true);
        TestingProjects.write(prefix.resolve("conda-meta").resolve("history"), "");
        TestingProjects.write(prefix.resolve("conda-meta").resolve("python-3.11.7-h955ad1f_0.json"), "{}");
        Path site = prefix.resolve("lib/python3.11/site-packages");
        TestingProjects.write(site.resolve("numpy-1.26.4.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: numpy\nVersion: 1.26.4\n\n");
        TestingProjects.write(site.resolve("Pillow-10.0.0.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: Pillow\nVersion: 10.0.0\n\n");
        Path src = tmp.resolve("src");
        TestingProjects.write(src.resolve("local_thing-0.1.dist-info").resolve("METADATA"), "Metadata-Version: 2.1\nName: local-thing\nVersion: 0.1\n\n");
        TestingProjects.write(site.resolve("local.pth"), "# a comment\nimport os\n" + src + "\n");

        EnvironmentSnapshot snapshot = new PythonEnvironmentCapture(new InterpreterProbe(), new ListingCondaExporter())
                .capture(CaptureTarget.ofPrefix(prefix));

        // pip's own reading of the same directories is the reference
        String pip = TestingPython.run(tmp, java.util.Map.of(), List.of(TestingPython.pyenv("3.11").toString(), "-m", "pip",
                "freeze", "--disable-pip-version-check", "--path", site.toString(), "--path", src.toString()));
        assertThat(snapshot.pipFreeze()).isEqualTo(pip).contains("local-thing==0.1");
        assertThat(snapshot.type()).isEqualTo(EnvironmentType.CONDA);
        assertThat(snapshot.condaEnvName()).isEqualTo(prefix.toString());
        assertThat(snapshot.interpreter().version()).isEqualTo("3.11.7");
        assertThat(snapshot.interpreter().platform()).isEqualTo("linux-x86_64");
        assertThat(snapshot.warnings()).anySatisfy(w -> assertThat(w).contains("could not run"));
    }

    @Test
    void warningsReachTheSnapshot(@TempDir Path tmp) throws IOException {
        Path python = TestingPython.venv(TestingPython.pyenv("3.13"), tmp.resolve("venv"), "--without-pip");
        Path site = TestingProjects.sitePackages(tmp.resolve("venv"));
        Files.createDirectories(site.resolve("broken-1.0.dist-info"));
        Files.write(site.resolve("broken-1.0.dist-info").resolve("METADATA"), new byte[] {(byte) 0xff, 0});

        EnvironmentSnapshot snapshot = new PythonEnvironmentCapture(new InterpreterProbe(), new UnavailableCondaExporter())
                .capture(CaptureTarget.ofPython(python));

        assertThat(snapshot.pipFreeze()).isEmpty();
        assertThat(snapshot.warnings()).singleElement().asString().contains("broken-1.0.dist-info");
        assertThat(EnvironmentJson.render(snapshot)).contains("broken-1.0.dist-info");
    }
}
