package org.asimov.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.asimov.capture.conda.CondaMetaExporter;
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
    @Test
    void warningsReachTheSnapshot(@TempDir Path tmp) throws IOException {
        Path python = TestingPython.venv(TestingPython.pyenv("3.13"), tmp.resolve("venv"), "--without-pip");
        Path site = TestingProjects.sitePackages(tmp.resolve("venv"));
        Files.createDirectories(site.resolve("broken-1.0.dist-info"));
        Files.write(site.resolve("broken-1.0.dist-info").resolve("METADATA"), new byte[] {(byte) 0xff, 0});

        EnvironmentSnapshot snapshot = new PythonEnvironmentCapture(new InterpreterProbe(), CondaMetaExporter.standard())
                .capture(CaptureTarget.ofPython(python));

        assertThat(snapshot.pipFreeze()).isEmpty();
        assertThat(snapshot.warnings()).singleElement().asString().contains("broken-1.0.dist-info");
        assertThat(EnvironmentJson.render(snapshot)).contains("broken-1.0.dist-info");
    }
}
