package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.capture.PipFreezeCheck;
import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.system.SystemCapture;
import org.asimov.capture.system.SystemCaptureOptions;
import org.asimov.cli.output.Printer;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentJson;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentWriter;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.lifecycle.EnvironmentTargets;
import org.asimov.core.system.SystemInfo;
import org.asimov.core.system.SystemReport;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "capture", description = {"Capture a Python environment into files, as 'manage build' does.",
        "Writes environment.json, environment-pip.txt, environment-system.txt and (for conda) "
                + "environment-conda.txt. Without --python or --prefix it captures the active VIRTUAL_ENV "
                + "or CONDA_PREFIX, else python3 on PATH. Needs no project and never touches the results "
                + "store."})
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

    @Mixin
    SystemOptions system;

    @Option(names = "--check", description = {"Also run the real 'python -m pip freeze' in the environment and compare it with the "
                    + "captured environment-pip.txt; exit status 1 when they differ."})
    boolean check;

    /** Exit status of --check when pip freeze and the capture differ, as diff(1) does. */
    static final int DIFFERENT = 1;

    private final PythonEnvironmentCapture capture;
    private final EnvironmentTargets targets;
    private final PipFreezeCheck freezeCheck;
    private final SystemCapture systemCapture;
    private final EarlyCapture early;

    @Inject
    CaptureCommand(PythonEnvironmentCapture capture, EnvironmentTargets targets, PipFreezeCheck freezeCheck,
            SystemCapture systemCapture, EarlyCapture early) {
        this.capture = requireNonNull(capture, "capture is null");
        this.early = requireNonNull(early, "early is null");
        this.systemCapture = requireNonNull(systemCapture, "systemCapture is null");
        this.targets = requireNonNull(targets, "targets is null");
        this.freezeCheck = requireNonNull(freezeCheck, "freezeCheck is null");
    }

    @Override
    public Integer call() {
        CaptureTarget wanted = resolveTarget();
        SystemCaptureOptions systemOptions = system.enabled() ? system.options() : null;
        CaptureAndReport captured = early.take(wanted, systemOptions)
                .orElseGet(() -> CaptureAndReport.run(capture, capture.start(wanted), systemCapture, systemOptions));
        EnvironmentSnapshot snapshot = captured.snapshot();
        SystemReport report = captured.report();
        EnvironmentFiles.Written written = EnvironmentWriter.write(captured.rendered(), output);
        Printer printer = new Printer(spec);
        PipFreezeCheck.Result checked = check ? freezeCheck.check(snapshot) : null;
        int status = checked == null || checked.identical() ? 0 : DIFFERENT;
        if (json) {
            ObjectNode tree = report == null ? EnvironmentJson.toTree(snapshot) : EnvironmentJson.toTree(snapshot, report);
            if (checked != null) {
                ObjectNode result = tree.putObject("check");
                result.put("identical", checked.identical());
                checked.onlyNative().forEach(result.withArray("only_in_capture")::add);
                checked.onlyPip().forEach(result.withArray("only_in_pip_freeze")::add);
            }
            ObjectNode files = tree.putObject("files");
            files.put("metadata", written.metadata().toString());
            files.put("pip", written.pip().toString());
            if (written.conda() != null) {
                files.put("conda", written.conda().toString());
            }
            if (report != null) {
                files.put("system", written.metadata().resolveSibling(EnvironmentFiles.SYSTEM).toString());
            }
            printer.json(tree);
            return status;
        }
        printer.line("Captured " + snapshot.type().key() + " environment of " + snapshot.interpreter().executable());
        printer.line("  Python       " + snapshot.interpreter().version() + " (" + snapshot.interpreter().implementation()
                + ", " + snapshot.interpreter().platform() + ")");
        printer.line("  packages     " + snapshot.countPackages("pip") + " pip"
                + (snapshot.isConda() ? ", " + snapshot.countPackages("conda") + " conda" : ""));
        printer.line("  fingerprint  " + snapshot.fingerprint());
        if (report != null) {
            printSystem(printer, report);
        }
        snapshot.warnings().forEach(w -> printer.line("  warning      " + w));
        printer.line("  written      " + written.metadata() + ", " + written.pip().getFileName()
                + (written.conda() != null ? ", " + written.conda().getFileName() : "")
                + (report != null ? ", " + EnvironmentFiles.SYSTEM : ""));
        if (checked != null) {
            printCheck(printer, checked);
        }
        return status;
    }

    private static void printSystem(Printer printer, SystemReport report) {
        SystemInfo machine = report.system();
        printer.line("  system       " + machine.os().displayName() + ", " + machine.architecture() + ", "
                + machine.libc().name() + (machine.libc().version() != null ? " " + machine.libc().version() : ""));
        printer.line("  libraries    " + report.libraries().extensions().size() + " extension modules load "
                + report.libraries().libraries().size() + " libraries from " + report.libraries().osPackages().size()
                + " OS packages");
        if (report.container().detected()) {
            printer.line("  container    " + report.container().runtime()
                    + (report.container().image() != null ? " " + report.container().image() : ""));
        }
        report.warnings().forEach(w -> printer.line("  warning      " + w));
    }

    private static void printCheck(Printer printer, PipFreezeCheck.Result checked) {
        if (checked.identical()) {
            printer.line("  check        identical to 'pip freeze', byte for byte");
            return;
        }
        printer.line("  check        DIFFERS from 'pip freeze':");
        checked.onlyNative().forEach(line -> printer.line("    - " + line + "   (capture only)"));
        checked.onlyPip().forEach(line -> printer.line("    + " + line + "   (pip freeze only)"));
        if (checked.onlyNative().isEmpty() && checked.onlyPip().isEmpty()) {
            printer.line("    the same lines in a different order or with different line endings");
        }
    }

    private CaptureTarget resolveTarget() {
        return resolveTarget(target == null ? null : target.python, target == null ? null : target.prefix, targets);
    }

    /**
     * What {@code --python} or {@code --prefix} (both {@code null}: the active environment) names.
     * Shared with {@link EarlyCapture}, so that an early capture is of exactly the target the
     * command will ask for.
     */
    static CaptureTarget resolveTarget(Path python, Path prefix, EnvironmentTargets targets) {
        Path cwd = Path.of("").toAbsolutePath();
        if (python != null) {
            return targets.resolve(python.toString().contains("/") ? cwd.resolve(python).toString()
                    : python.toString(), cwd, "--python");
        }
        if (prefix != null) {
            Path directory = cwd.resolve(prefix).normalize();
            if (!Files.isDirectory(directory)) {
                throw new AsimovException(ErrorKind.NOT_FOUND,
                        "--prefix " + directory + " is not a directory; give the environment's top directory");
            }
            return CaptureTarget.ofPrefix(directory);
        }
        return targets.resolve(targets.defaultSpec(), cwd, "the active environment");
    }

}
