package org.asimov.capture.variables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.conda.CondaMetaExporter;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.capture.system.HostSystemCapture;
import org.asimov.capture.system.SystemCaptureOptions;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentWriter;
import org.asimov.core.system.SystemReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRedactedVariables {
    /** Secret values; none of them may appear in any written file. */
    static final List<String> SECRETS = List.of("ghp_R3alLookingT0ken", "hunter2", "s3cr3t-value", "AKIAEXAMPLEKEY123",
            "p@ss:w0rd", "glpat-deploytoken");

    static Map<String, String> environmentWithSecrets() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("HOME", "/home/analyst");
        environment.put("GITHUB_TOKEN", "ghp_R3alLookingT0ken");
        environment.put("db_password", "hunter2");
        environment.put("CLIENT_SECRET", "s3cr3t-value");
        environment.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY123");
        environment.put("PIP_INDEX_URL", "https://analyst:p@ss:w0rd@pypi.example.org/simple");
        environment.put("GIT_REMOTE", "https://glpat-deploytoken@git.ligo.org/pe/analysis.git and https://git.ligo.org/public.git");
        environment.put("CONDA_PREFIX", "/opt/conda/envs/igwn");
        return environment;
    }

    @Test
    void namesThatLookLikeSecretsLoseTheirValue() {
        Map<String, String> redacted = RedactedVariables.of(environmentWithSecrets());
        assertThat(redacted).containsEntry("GITHUB_TOKEN", "***").containsEntry("db_password", "***")
                .containsEntry("CLIENT_SECRET", "***").containsEntry("AWS_ACCESS_KEY_ID", "***")
                .containsEntry("HOME", "/home/analyst").containsEntry("CONDA_PREFIX", "/opt/conda/envs/igwn");
        assertThat(List.copyOf(redacted.keySet())).isSorted();
    }

    @Test
    void credentialsInsideUrlsAreRedacted() {
        assertThat(RedactedVariables.redact("PIP_INDEX_URL", "https://analyst:p@ss:w0rd@pypi.example.org/simple"))
                .isEqualTo("https://analyst:***@pypi.example.org/simple");
        assertThat(RedactedVariables.redact("GIT_REMOTE", "https://glpat-deploytoken@git.ligo.org/pe/analysis.git and https://git.ligo.org/public.git"))
                .isEqualTo("https://***@git.ligo.org/pe/analysis.git and https://git.ligo.org/public.git");
        assertThat(RedactedVariables.redact("DATABASE_URL", "postgresql://asimov:hunter2@db:5432/asimov"))
                .isEqualTo("postgresql://asimov:***@db:5432/asimov");
        assertThat(RedactedVariables.redact("HTTP_PROXY", "http://proxy.example.org:3128")).isEqualTo("http://proxy.example.org:3128");
        assertThat(RedactedVariables.redact("MAILTO", "analyst@example.org")).isEqualTo("analyst@example.org");
    }

    @Test
    void noSecretReachesTheWrittenFiles(@TempDir Path run) throws IOException {
        EnvironmentSnapshot snapshot = new PythonEnvironmentCapture(new InterpreterProbe(), CondaMetaExporter.standard())
                .capture(CaptureTarget.ofPython(Path.of("/usr/bin/python3")));
        SystemReport system = new HostSystemCapture().capture(snapshot.interpreter(),
                new SystemCaptureOptions(true, true, environmentWithSecrets()));
        EnvironmentWriter.write(snapshot, system, run);

        String json = Files.readString(run.resolve(EnvironmentFiles.METADATA));
        assertThat(json).contains("\"variables\"", "\"GITHUB_TOKEN\" : \"***\"", "https://analyst:***@pypi.example.org/simple",
                "\"hostname\"");
        assertThat(run.resolve(EnvironmentFiles.SYSTEM)).exists();
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(SECRETS).as("secrets in %s", file.getFileName()).noneMatch(text::contains);
            }
        }
    }

    @Test
    void variablesAndHostnameAreLeftOutUnlessAsked(@TempDir Path run) throws IOException {
        EnvironmentSnapshot snapshot = new PythonEnvironmentCapture(new InterpreterProbe(), CondaMetaExporter.standard())
                .capture(CaptureTarget.ofPython(Path.of("/usr/bin/python3")));
        SystemReport system = new HostSystemCapture().capture(snapshot.interpreter(),
                new SystemCaptureOptions(false, false, environmentWithSecrets()));
        EnvironmentWriter.write(snapshot, system, run);
        String json = Files.readString(run.resolve(EnvironmentFiles.METADATA));
        assertThat(json).doesNotContain("\"variables\"", "\"hostname\"", "GITHUB_TOKEN", "/home/analyst");
    }
}
