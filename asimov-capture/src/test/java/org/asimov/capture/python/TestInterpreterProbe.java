package org.asimov.capture.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.asimov.capture.TestingPython;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestInterpreterProbe {
    @Test
    void venvInterpreterDescribesItself(@TempDir Path tmp) {
        Path python = TestingPython.venv(TestingPython.pyenv("3.12"), tmp.resolve("venv"), "--without-pip");
        ProbedInterpreter probed = new InterpreterProbe().probe(PythonTargetResolver.executable(CaptureTarget.ofPrefix(tmp.resolve("venv"))));
        InterpreterInfo info = probed.info();

        assertThat(info.version()).startsWith("3.12.");
        assertThat(info.sysVersion()).startsWith(info.version());
        assertThat(info.implementation()).isEqualTo("cpython");
        assertThat(info.executable()).isEqualTo(python.toString());
        assertThat(info.prefix()).isEqualTo(tmp.resolve("venv").toString());
        assertThat(info.basePrefix()).isNotEqualTo(info.prefix());
        assertThat(info.platform()).isEqualTo("linux-x86_64");
        // the script directory entry is gone, site-packages is there as at a normal start
        assertThat(info.sysPath()).doesNotContain("").last().asString().endsWith("site-packages");
        assertThat(probed.importlibForPip()).isTrue();
        assertThat(PythonEnvironmentKind.of(info.prefix(), info.basePrefix()).type().key()).isEqualTo("virtualenv");
    }

    @Test
    void pipBackendFollowsPythonVersionAndOverride() {
        assertThat(new InterpreterProbe().probe(TestingPython.pyenv("3.10")).importlibForPip()).isFalse();
        assertThat(new InterpreterProbe(Duration.ofSeconds(30), Map.of("_PIP_USE_IMPORTLIB_METADATA", "1"))
                .probe(TestingPython.pyenv("3.10")).importlibForPip()).isTrue();
    }

    @Test
    void distributorConstantInImportlibMetadataTurnsPipBackToPkgResources(@TempDir Path tmp) throws IOException {
        // what a distributor's patch of importlib.metadata does, here from a .pth file at start-up
        Path python = TestingPython.venv(TestingPython.pyenv("3.12"), tmp.resolve("venv"), "--without-pip");
        Path sitePackages = Path.of(new InterpreterProbe().probe(python).info().sysPath().stream()
                .filter(entry -> entry.endsWith("site-packages")).reduce((a, b) -> b).orElseThrow());
        Files.writeString(sitePackages.resolve("distributor.pth"),
                "import importlib.metadata; importlib.metadata._PIP_USE_IMPORTLIB_METADATA = False\n");

        assertThat(new InterpreterProbe().probe(python).importlibForPip()).isFalse();
        assertThat(new InterpreterProbe(Duration.ofSeconds(30), Map.of("_PIP_USE_IMPORTLIB_METADATA", "yes"))
                .probe(python).importlibForPip()).isTrue();
    }

    @Test
    void whatStartUpPrintsBeforeTheAnswerIsIgnored(@TempDir Path tmp) throws IOException {
        Path python = TestingPython.venv(TestingPython.pyenv("3.12"), tmp.resolve("venv"), "--without-pip");
        InterpreterInfo quiet = new InterpreterProbe().probe(python).info();
        Path sitePackages = Path.of(quiet.sysPath().get(quiet.sysPath().size() - 1));
        Files.writeString(sitePackages.resolve("chatty.pth"), "import sys; print('hello from a .pth file')\n");

        assertThat(new InterpreterProbe().probe(python).info()).isEqualTo(quiet);
    }

    /** The version comes from sys.version without importing platform; it must be what platform says. */
    @ParameterizedTest
    @ValueSource(strings = {"3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "/usr/bin/python3"})
    void versionIsWhatPlatformSays(String interpreter, @TempDir Path tmp) {
        Path python = interpreter.startsWith("/") ? Path.of(interpreter) : TestingPython.pyenv(interpreter);
        String platformSays = TestingPython.run(tmp, Map.of(), List.of(python.toString(), "-c",
                "import platform; print(platform.python_version())")).strip();
        assertThat(new InterpreterProbe().probe(python).info().version()).isEqualTo(platformSays);
    }

    @Test
    void multiLineSysVersionIsKeptWhole() {
        // Python 3.8's sys.version puts the compiler on a line of its own
        InterpreterInfo info = new InterpreterProbe().probe(TestingPython.pyenv("3.8")).info();
        assertThat(info.sysVersion()).startsWith(info.version() + " (").contains("\n[GCC");
        assertThat(info.version()).startsWith("3.8.");
        assertThat(info.sysPath()).isNotEmpty().allSatisfy(entry -> assertThat(entry).startsWith("/"));
    }

    @Test
    void missingInterpreterIsNotFound(@TempDir Path tmp) {
        assertThatThrownBy(() -> new InterpreterProbe().probe(tmp.resolve("nope/python")))
                .isInstanceOf(AsimovException.class)
                .satisfies(e -> assertThat(((AsimovException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> PythonTargetResolver.executable(CaptureTarget.ofPrefix(tmp.resolve("no-env"))))
                .satisfies(e -> assertThat(((AsimovException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> PythonTargetResolver.executable(CaptureTarget.ofPrefix(tmp)))
                .satisfies(e -> assertThat(((AsimovException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining("bin/python");
    }

    @Test
    void somethingThatIsNotPythonFailsClearly(@TempDir Path tmp) throws IOException {
        assertCaptureFailed(new InterpreterProbe(), tmp, "not an executable file");
        assertCaptureFailed(new InterpreterProbe(), Path.of("/bin/false"), "not a working Python");
        assertCaptureFailed(new InterpreterProbe(), TestingPython.PYENV.resolve("2.7.18/bin/python"), "not a working Python 3");
        assertCaptureFailed(new InterpreterProbe(), script(tmp, "junk", "echo hello"), "did not answer like a Python 3");
        assertCaptureFailed(new InterpreterProbe(), script(tmp, "almost", "printf 'asimov-probe-1\\0only\\0three'"),
                "did not answer like a Python 3");
        assertCaptureFailed(new InterpreterProbe(Duration.ofMillis(300), Map.of()), script(tmp, "slow", "sleep 5"), "did not answer within");
    }

    private static void assertCaptureFailed(InterpreterProbe probe, Path python, String message) {
        assertThatThrownBy(() -> probe.probe(python))
                .isInstanceOf(AsimovException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((AsimovException) e).kind()).isEqualTo(ErrorKind.CAPTURE_FAILED));
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
