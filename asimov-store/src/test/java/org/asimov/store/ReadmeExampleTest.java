package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Java example the README shows, word for word, on a store made for it. */
class ReadmeExampleTest {
    @TempDir
    Path project;

    @Test
    void theReadmeExampleWorks() throws Exception {
        Path results = project.resolve("results");
        try (Store seed = Store.open(results)) {
            seed.put("GW150914_095045", "prod0", "environment.json",
                    TestingFiles.write(project.resolve("working/environment.json"), "{\"environment_type\": \"system\"}"));
        }

        String cwd = System.getProperty("user.dir");
        try {
            // The README's relative path: resolve it against the project, as a user's shell would.
            System.setProperty("user.dir", project.toString());
            Store store = Store.open(results);
            // --- README example starts ---
            Map<String, Resource> files = store.manifest().listResources("GW150914_095045", "prod0");
            Path envJson = store.fetchFile("GW150914_095045", "prod0", "environment.json");
            // --- README example ends ---
            assertThat(files).containsOnlyKeys("environment.json");
            assertThat(Files.readString(envJson)).isEqualTo("{\"environment_type\": \"system\"}");
            store.close();
        } finally {
            System.setProperty("user.dir", cwd);
        }
    }
}
