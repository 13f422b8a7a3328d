package org.asimov.core.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentFilesReaderTest {
    private static final InterpreterInfo PYTHON = new InterpreterInfo("3.11.7 (main, Dec  4 2023, 18:10:11) [GCC 12.2.0]",
            "3.11.7", "cpython", "/opt/conda/bin/python", "/opt/conda", "/opt/conda", List.of("/opt/conda/lib"), "linux-x86_64");

    @TempDir
    Path dir;

    @Test
    void whatTheWriterWritesReadsBack() {
        String pip = "lalsuite==7.11\nnumpy==1.26.4\n";
        String conda = "# platform: linux-64\npython=3.11.7=hab00c5b_1_cpython\n";
        EnvironmentSnapshot snapshot = new EnvironmentSnapshot(Instant.parse("2024-03-01T10:15:30.123456Z"),
                EnvironmentType.CONDA, PYTHON, "pe", pip, conda, List.of(), Fingerprint.of(PYTHON, pip, conda),
                List.of(), Map.of());
        EnvironmentWriter.write(snapshot, dir);

        CapturedEnvironment read = EnvironmentFilesReader.readDirectory(dir);

        assertThat(read.fingerprint()).isEqualTo(snapshot.fingerprint());
        assertThat(read.type()).isEqualTo(EnvironmentType.CONDA);
        assertThat(read.pythonVersion()).isEqualTo("3.11.7");
        assertThat(read.sysVersion()).isEqualTo(PYTHON.sysVersion());
        assertThat(read.implementation()).isEqualTo("cpython");
        assertThat(read.platform()).isEqualTo("linux-x86_64");
        assertThat(read.capturedAt()).isEqualTo(snapshot.timestamp());
        assertThat(read.packages()).containsExactly(
                PackageRecord.pip("lalsuite", "7.11", null, false),
                PackageRecord.pip("numpy", "1.26.4", null, false),
                PackageRecord.conda("python", "3.11.7", "hab00c5b_1_cpython", null));
    }

    @Test
    void condaChannelsAndSubdirAreRecordedBesideTheExportAndReadBack() throws Exception {
        String pip = "numpy==1.26.4\nLocal_Tool==0.3\n";
        String conda = "# platform: linux-64\nlocal-tool=0.3=pypi_0\nnumpy=1.26.4=py311h64a7726_0\n"
                + "python=3.11.7=hab00c5b_1_cpython\n";
        String fingerprint = Fingerprint.of(PYTHON, pip, conda);
        EnvironmentSnapshot snapshot = new EnvironmentSnapshot(Instant.parse("2024-03-01T10:15:30Z"),
                EnvironmentType.CONDA, PYTHON, "pe", pip, conda, List.of(
                        PackageRecord.conda("numpy", "1.26.4", "py311h64a7726_0", "conda-forge"),
                        PackageRecord.conda("python", "3.11.7", "hab00c5b_1_cpython", null)),
                fingerprint, List.of(), Map.of(), Map.of("numpy", "linux-64", "python", "linux-64"));
        EnvironmentWriter.write(snapshot, dir);

        String json = java.nio.file.Files.readString(dir.resolve(EnvironmentFiles.METADATA));
        assertThat(json).contains("\"subdir\" : \"linux-64\"", "\"channel\" : \"conda-forge\"");
        CapturedEnvironment read = EnvironmentFilesReader.readDirectory(dir);

        assertThat(read.fingerprint()).as("the conda object is not part of the identity").isEqualTo(fingerprint);
        assertThat(read.packages()).contains(
                PackageRecord.conda("numpy", "1.26.4", "py311h64a7726_0", "conda-forge"),
                PackageRecord.conda("python", "3.11.7", "hab00c5b_1_cpython", null),
                PackageRecord.conda("local-tool", "0.3", "pypi_0", "pypi"));
    }

    @Test
    void theOriginalAsimovsJsonGetsAFingerprintFromItsFiles() {
        String json = """
                {"timestamp": "2024-03-01T10:15:30.123456", "environment_type": "virtualenv",
                 "python_version": "3.10.12 (main, Nov 20 2023) [GCC 11.4.0]", "python_executable": "/venv/bin/python"}
                """;
        CapturedEnvironment first = EnvironmentFilesReader.parse(json, "a==1\n", null);
        CapturedEnvironment again = EnvironmentFilesReader.parse(json.replace("30.123456", "59"), "a==1\n", null);
        CapturedEnvironment other = EnvironmentFilesReader.parse(json, "a==2\n", null);

        assertThat(first.pythonVersion()).isEqualTo("3.10.12");
        assertThat(first.implementation()).isNull();
        assertThat(first.capturedAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
        assertThat(again.fingerprint()).as("the time of capture is not part of the identity").isEqualTo(first.fingerprint());
        assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void brokenMetadataSaysWhatIsWrong() {
        assertThatThrownBy(() -> EnvironmentFilesReader.parse("{not json", "", null))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT))
                .hasMessageContaining("environment.json is not valid JSON");
        assertThatThrownBy(() -> EnvironmentFilesReader.parse("{\"environment_type\": \"docker\"}", "", null))
                .hasMessageContaining("environment_type 'docker'");
        assertThatThrownBy(() -> EnvironmentFilesReader.readDirectory(dir))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
}
