package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Java example the README shows, word for word ({@link ReadmeExample}), in a JVM
 * whose working directory is a project with a store in {@code results}: the example's
 * relative path means what it says.
 */
class ReadmeExampleTest {
    @TempDir
    Path project;

    @Test
    void theReadmeExampleWorks() throws Exception {
        try (Store seed = Store.open(project.resolve("results"))) {
            seed.put("GW150914_095045", "prod0", "environment.json",
                    TestingFiles.write(project.resolve("working/environment.json"), "{\"environment_type\": \"system\"}"));
        }
        Path log = project.resolve("example.log");
        Process example = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), ReadmeExample.class.getName()))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(example.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(example.exitValue()).as("example output:%n%s", TestingWorkers.log(log)).isZero();
    }
}
