package org.asimov.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real Python environments for tests, made with the machine's python3. */
final class TestingPython {
    private TestingPython() {
    }

    /** A new virtual environment in {@code dir}, with pip, as {@code python3 -m venv} makes it. */
    static Path venv(Path dir, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of("python3", "-m", "venv"));
        command.addAll(List.of(extraArgs));
        command.add(dir.toString());
        run(command);
        return dir;
    }

    /** Installs offline, from the machine's local package mirror (build tools included). */
    static void pipInstall(Path venv, String... args) {
        List<String> command = new ArrayList<>(List.of(venv.resolve("bin/python").toString(), "-m", "pip", "install",
                "--quiet", "--disable-pip-version-check", "--index-url", "file:///opt/pypi/simple"));
        command.addAll(List.of(args));
        run(command);
    }

    /** A minimal installable project named {@code name} at {@code version}. */
    static Path project(Path dir, String name, String version) throws IOException {
        Files.createDirectories(dir.resolve(name.replace('-', '_')));
        Files.writeString(dir.resolve(name.replace('-', '_')).resolve("__init__.py"), "");
        Files.writeString(dir.resolve("setup.py"), "from setuptools import setup\nsetup(name='" + name
                + "', version='" + version + "', packages=['" + name.replace('-', '_') + "'])\n");
        return dir;
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
