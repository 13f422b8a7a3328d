package org.asimov.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The README's Java example, word for word, as a program: {@link ReadmeExampleTest} runs it
 * in a project directory (its working directory), where {@code results} is the store.
 */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    public static void main(String[] args) throws Exception {
        // --- README example starts ---
        Store store = Store.open(Path.of("results"));
        Map<String, Resource> files = store.manifest().listResources("GW150914_095045", "prod0");
        Path envJson = store.fetchFile("GW150914_095045", "prod0", "environment.json");
        // --- README example ends ---
        boolean ok = files.containsKey("environment.json")
                && Files.readString(envJson).equals("{\"environment_type\": \"system\"}");
        store.close();
        System.exit(ok ? 0 : 1);
    }
}
