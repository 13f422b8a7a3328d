package org.asimov.capture.owners;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real rpm database made by rpm itself: tiny packages built with {@code rpmbuild -bb} and
 * recorded with {@code rpm -i --justdb} into a fresh {@code --dbpath}, so that nothing is
 * installed on this machine. Needs Debian's {@code rpm} package (rpm 4.18, whose database is
 * {@code rpmdb.sqlite}); the tests that use it are skipped where rpm is missing ({@code .ci/run}
 * installs it).
 */
public final class TestingRpmDatabase {
    /** One package to build: its files are written as one-line text files. */
    public record Spec(String name, String epoch, String version, String release, boolean noarch, List<String> files) {
    }

    private TestingRpmDatabase() {
    }

    static boolean rpmAvailable() {
        return onPath("rpm") && onPath("rpmbuild");
    }

    /** Builds the packages and records them in a new database in {@code dbpath}; skips the test without rpm. */
    public static Path create(Path work, Path dbpath, List<Spec> specs) throws IOException {
        assumeTrue(rpmAvailable(), "rpm and rpmbuild are not installed (apt-get install rpm)");
        Files.createDirectories(dbpath);
        run(work, List.of("rpm", "--initdb", "--dbpath", dbpath.toAbsolutePath().toString()));
        List<String> install = new ArrayList<>(List.of("rpm", "-i", "--dbpath", dbpath.toAbsolutePath().toString(),
                "--justdb", "--nodeps", "--ignorearch", "--ignoreos"));
        Path top = work.resolve("rpmbuild");
        for (Spec spec : specs) {
            Path specFile = work.resolve(spec.name() + ".spec");
            Files.writeString(specFile, specText(spec));
            run(work, List.of("rpmbuild", "-bb", "--target", "x86_64", "--define", "_topdir " + top.toAbsolutePath(),
                    "--define", "debug_package %{nil}", "--define", "__os_install_post %{nil}",
                    "--define", "_build_id_links none", specFile.toString()));
        }
        try (var rpms = Files.walk(top.resolve("RPMS"))) {
            rpms.filter(p -> p.toString().endsWith(".rpm")).sorted().forEach(p -> install.add(p.toString()));
        }
        run(work, install);
        return dbpath.resolve("rpmdb.sqlite");
    }

    private static String specText(Spec spec) {
        String files = spec.files().stream().collect(Collectors.joining("\n"));
        String install = spec.files().stream()
                .map(f -> "mkdir -p \"%{buildroot}$(dirname '" + f + "')\"\necho " + spec.name() + " > '%{buildroot}" + f + "'")
                .collect(Collectors.joining("\n"));
        return "Name: " + spec.name() + "\n"
                + "Version: " + spec.version() + "\n"
                + "Release: " + spec.release() + "\n"
                + (spec.epoch() == null ? "" : "Epoch: " + spec.epoch() + "\n")
                + (spec.noarch() ? "BuildArch: noarch\n" : "")
                + "Summary: asimov test package\nLicense: MIT\n"
                + "%description\nasimov test package\n"
                + "%install\n" + install + "\n"
                + "%files\n" + files + "\n";
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void run(Path work, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
