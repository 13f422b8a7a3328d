package org.asimov.capture.python;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.capture.process.ProcessRunner;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * One short run of the target interpreter that prints what it is as JSON.
 *
 * <p>Flags: not {@code -I}, because isolated mode ({@code -E -s -P}) drops the user site and
 * PYTHONPATH, both of which {@code python -m pip freeze} sees. The run is {@code python -B -c}:
 * {@code -B} so that nothing is written into the environment; {@code -c} puts {@code ''} first on
 * sys.path, the counterpart of the working directory that pip's {@code __main__} removes, and the
 * script removes it the same way. Site processing (.pth files, user site) runs as at a normal start.
 */
public final class InterpreterProbe {
    static final String SCRIPT = String.join("\n",
            "import sys, os, json, platform, sysconfig",
            "path = list(sys.path)",
            "if path and path[0] in ('', os.getcwd()):",
            "    path.pop(0)",
            "def importlib_for_pip():",
            "    v = os.environ.get('_PIP_USE_IMPORTLIB_METADATA')",
            "    if v is not None and v.lower() in ('y','yes','t','true','on','1','n','no','f','false','off','0'):",
            "        return v.lower() in ('y','yes','t','true','on','1')",
            "    if sys.version_info < (3, 11):",
            "        return False",
            "    import importlib.metadata",
            "    return bool(getattr(importlib.metadata, '_PIP_USE_IMPORTLIB_METADATA', True))",
            "print(json.dumps({'sys_version': sys.version, 'version': platform.python_version(),",
            "    'implementation': sys.implementation.name, 'executable': sys.executable,",
            "    'prefix': sys.prefix, 'base_prefix': getattr(sys, 'base_prefix', sys.prefix),",
            "    'sys_path': path, 'platform': sysconfig.get_platform(),",
            "    'importlib_for_pip': importlib_for_pip()}))");

    /** Made on the first answer, not at class load, so that starting a probe starts the interpreter first. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Long enough for a cold start of a conda Python on a network file system. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Duration timeout;
    private final Map<String, String> extraEnvironment;

    @Inject
    public InterpreterProbe() {
        this(DEFAULT_TIMEOUT, Map.of());
    }

    /**
     * @param extraEnvironment variables set for the probe on top of asimov's own (e.g. the
     *                         PYTHONUSERBASE of the shell the analysis will run in)
     */
    public InterpreterProbe(Duration timeout, Map<String, String> extraEnvironment) {
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.extraEnvironment = Map.copyOf(requireNonNull(extraEnvironment, "extraEnvironment is null"));
    }

    public ProbedInterpreter probe(Path python) {
        return start(python).await();
    }

    /**
     * Starts the interpreter and returns at once: its start-up, most of a probe, can then
     * overlap other work.
     *
     * @throws AsimovException NOT_FOUND or CAPTURE_FAILED when {@code python} cannot be run
     */
    public Pending start(Path python) {
        if (!Files.exists(python)) {
            throw new AsimovException(ErrorKind.NOT_FOUND,
                    "no Python interpreter at " + python + ": give the path of an existing python executable or environment prefix");
        }
        if (Files.isDirectory(python) || !Files.isExecutable(python)) {
            throw new AsimovException(ErrorKind.CAPTURE_FAILED,
                    python + " is not an executable file: give the path of a python executable");
        }
        try {
            return new Pending(python, ProcessRunner.start(List.of(python.toString(), "-B", "-c", SCRIPT), null,
                    extraEnvironment));
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.CAPTURE_FAILED, "could not run " + python + ": " + e.getMessage(), e);
        }
    }

    /** A probe whose interpreter is running. */
    public final class Pending {
        private final Path python;
        private final ProcessRunner.Running running;

        private Pending(Path python, ProcessRunner.Running running) {
            this.python = python;
            this.running = running;
        }

        /** Waits for the interpreter's answer. */
        public ProbedInterpreter await() {
            ProcessRunner.Result result;
            try {
                result = running.await(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AsimovException(ErrorKind.CAPTURE_FAILED, "interrupted while probing " + python, e);
            }
            if (result.timedOut()) {
                throw new AsimovException(ErrorKind.CAPTURE_FAILED,
                        python + " did not answer within " + timeout.toMillis() + " ms: is it a Python interpreter?");
            }
            if (result.exitCode() != 0) {
                throw new AsimovException(ErrorKind.CAPTURE_FAILED, python + " is not a working Python 3 interpreter (exit "
                        + result.exitCode() + "): " + result.stderr().strip());
            }
            return parse(python, result.stdout());
        }
    }

    private static ProbedInterpreter parse(Path python, String json) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            List<String> sysPath = new ArrayList<>();
            root.get("sys_path").forEach(entry -> sysPath.add(entry.asText()));
            InterpreterInfo info = new InterpreterInfo(
                    root.get("sys_version").asText(),
                    root.get("version").asText(),
                    root.get("implementation").asText(),
                    root.get("executable").asText(),
                    root.get("prefix").asText(),
                    root.get("base_prefix").asText(),
                    sysPath,
                    root.get("platform").asText());
            return new ProbedInterpreter(info, root.get("importlib_for_pip").asBoolean());
        } catch (IOException | RuntimeException e) {
            throw new AsimovException(ErrorKind.CAPTURE_FAILED,
                    python + " did not answer like a Python 3 interpreter: " + json.strip(), e);
        }
    }
}
