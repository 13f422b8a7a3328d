package org.asimov.capture.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * glibc's {@code ldd} as a test oracle (never used by production code): the libraries the real
 * loader maps for a file, name to path, without the vDSO.
 */
public final class TestingLdd {
    private TestingLdd() {
    }

    public static Map<String, Path> resolve(Path file, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true);
            builder.environment().remove("LD_LIBRARY_PATH");
            builder.environment().putAll(environment);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("ldd hangs on " + file);
            }
            Map<String, Path> libraries = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("linux-vdso") || text.startsWith("statically linked")) {
                    continue;
                }
                int arrow = text.indexOf(" => ");
                if (arrow >= 0) {
                    String name = text.substring(0, arrow);
                    String rest = text.substring(arrow + 4);
                    libraries.put(name, rest.startsWith("not found") ? null
                            : Path.of(rest.substring(0, rest.lastIndexOf(" ("))).normalize());
                } else if (text.startsWith("/")) {
                    Path loader = Path.of(text.substring(0, text.lastIndexOf(" (")));
                    libraries.put(loader.getFileName().toString(), loader);
                }
            }
            return libraries;
        } catch (IOException e) {
            throw new AssertionError("ldd could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
