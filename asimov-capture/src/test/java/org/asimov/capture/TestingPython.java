package org.asimov.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.asimov.capture.pip.FreezeResult;
import org.asimov.capture.pip.PipFreeze;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.capture.python.ProbedInterpreter;

/** Real interpreters and environments for tests: creating venvs, installing, running pip. */
public final class TestingPython {
    public static final Path PYENV = Path.of(System.getProperty("user.home"), ".pyenv", "versions");

    private TestingPython() {
    }

    /** The pyenv interpreter whose version starts with {@code minor} (e.g. {@code 3.11}); fails loudly when absent. */
    public static Path pyenv(String minor) {
        for (String name : Listing.of(PYENV)) {
            if (name.startsWith(minor + ".")) {
                return PYENV.resolve(name).resolve("bin").resolve("python");
            }
        }
        throw new AssertionError("no pyenv Python " + minor + " under " + PYENV + ": install it with pyenv");
    }

    public static Path venv(Path python, Path dir, String... options) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "venv"));
        command.addAll(List.of(options));
        command.add(dir.toString());
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        run(dir.getParent(), Map.of(), command);
        return dir.resolve("bin").resolve("python");
    }

    public static String run(Path cwd, Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(command + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(command + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The real {@code python -m pip freeze}, stdout only, run from an empty directory. */
    public static String realFreeze(Path python, Map<String, String> env) {
        try {
            Path cwd = Files.createTempDirectory("freeze-cwd");
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-m", "pip", "freeze", "--disable-pip-version-check")
                    .directory(cwd.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("pip freeze failed for " + python);
            }
            Files.delete(cwd);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The native freeze of the environment of {@code python}, probed as asimov probes it (inheriting this JVM's environment). */
    public static FreezeResult nativeFreeze(Path python) {
        return nativeFreeze(python, Map.of());
    }

    /** Native freeze with a probe run under extra environment variables (user site, PYTHONPATH). */
    public static FreezeResult nativeFreeze(Path python, Map<String, String> env) {
        ProbedInterpreter probed = new InterpreterProbe(InterpreterProbe.DEFAULT_TIMEOUT, env).probe(python);
        return PipFreeze.freeze(probed.info().sysPath(), probed.info().majorMinor(), probed.importlibForPip());
    }

    static final class Listing {
        static List<String> of(Path dir) {
            try (var stream = Files.list(dir)) {
                return stream.map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }
    }
}
