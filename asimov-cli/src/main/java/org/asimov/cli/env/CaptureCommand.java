package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.output.Printer;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentCapture;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentJson;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentWriter;
import org.asimov.core.lifecycle.EnvironmentTargets;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "capture", description = {
        "Capture a Python environment into environment.json, environment-pip.txt and (for conda)",
        "environment-conda.txt, as 'manage build' does for an analysis. Without --python or --prefix",
        "it captures the active VIRTUAL_ENV or CONDA_PREFIX, else python3 on PATH.",
        "Needs no project and never touches the results store."})
public final class CaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Target {
        @Option(names = "--python", paramLabel = "PATH", description = "The Python executable of the environment.")
        Path python;

        @Option(names = "--prefix", paramLabel = "DIR", description = "The environment's directory (a venv or conda prefix).")
        Path prefix;
    }

    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = ".",
            description = "Where to write the files (default: the current directory).")
    Path output;

    @Option(names = "--json", description = "Print environment.json's content instead of a summary.")
    boolean json;

    private final EnvironmentCapture capture;
    private final EnvironmentTargets targets;

    @Inject
    CaptureCommand(EnvironmentCapture capture, EnvironmentTargets targets) {
        this.capture = requireNonNull(capture, "capture is null");
        this.targets = requireNonNull(targets, "targets is null");
    }

    @Override
    public Integer call() {
        EnvironmentSnapshot snapshot = capture.capture(resolveTarget());
        EnvironmentFiles.Written written = EnvironmentWriter.write(snapshot, output);
        Printer printer = new Printer(spec);
        if (json) {
            ObjectNode tree = EnvironmentJson.toTree(snapshot);
            ObjectNode files = tree.putObject("files");
            files.put("metadata", written.metadata().toString());
            files.put("pip", written.pip().toString());
            if (written.conda() != null) {
                files.put("conda", written.conda().toString());
            }
            printer.json(tree);
            return 0;
        }
        printer.line("Captured " + snapshot.type().key() + " environment of " + snapshot.interpreter().executable());
        printer.line("  Python       " + snapshot.interpreter().version() + " (" + snapshot.interpreter().implementation()
                + ", " + snapshot.interpreter().platform() + ")");
        printer.line("  packages     " + snapshot.countPackages("pip") + " pip"
                + (snapshot.isConda() ? ", " + snapshot.countPackages("conda") + " conda" : ""));
        printer.line("  fingerprint  " + snapshot.fingerprint());
        snapshot.warnings().forEach(w -> printer.line("  warning      " + w));
        printer.line("  written      " + written.metadata() + ", " + written.pip().getFileName()
                + (written.conda() != null ? ", " + written.conda().getFileName() : ""));
        return 0;
    }

    private CaptureTarget resolveTarget() {
        Path cwd = Path.of("").toAbsolutePath();
        if (target != null && target.python != null) {
            return targets.resolve(target.python.toString().contains("/") ? cwd.resolve(target.python).toString()
                    : target.python.toString(), cwd, "--python");
        }
        if (target != null && target.prefix != null) {
            Path prefix = cwd.resolve(target.prefix).normalize();
            if (!java.nio.file.Files.isDirectory(prefix)) {
                throw new org.asimov.core.error.AsimovException(org.asimov.core.error.ErrorKind.NOT_FOUND,
                        "--prefix " + prefix + " is not a directory; give the environment's top directory");
            }
            return CaptureTarget.ofPrefix(prefix);
        }
        return targets.resolve(targets.defaultSpec(), cwd, "the active environment");
    }
}
