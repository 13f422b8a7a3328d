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
    /** A conda reader good enough to show the seam: one line per conda-meta record file. */
    static final class ListingCondaExporter implements CondaExporter {
        @Override
        public Optional<CondaExport> export(Path prefix) {
            try (Stream<Path> records = Files.list(prefix.resolve("conda-meta"))) {
                List<String> names = records.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
                StringBuilder text = new StringBuilder("# platform: linux-64\n");
                names.forEach(n -> text.append(n, 0, n.length() - 5).append('\n'));
                List<PackageRecord> packages = names.stream().map(n -> PackageRecord.conda(n, "1", "0", null)).toList();
                return Optional.of(new CondaExport(text.toString(), packages, List.of(), null, "linux-64", prefix.getFileName().toString()));
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
