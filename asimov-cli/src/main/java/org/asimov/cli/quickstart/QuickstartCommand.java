package org.asimov.cli.quickstart;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.cli.Main;
import org.asimov.cli.output.Printer;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.ledger.LedgerFile;
import org.asimov.core.ledger.Status;
import org.asimov.core.lifecycle.EnvironmentTargets;
import org.asimov.core.project.Project;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "quickstart", description = {"Run a demo project through the whole life of its analyses.",
        "Steps: init, apply a blueprint (one event, two analyses, the second needing the first), "
                + "build (capturing the environment of the Python on PATH), submit, monitor until the "
                + "results are uploaded, then fetch environment.json back from the results store. Every "
                + "step runs the real command, as you would type it."})
public final class QuickstartCommand implements Callable<Integer> {
    static final String EVENT = "GW150914_095045";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Where to create the demo project (default: a new temporary directory). Must be empty or absent.")
    Path directory;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for the demo analyses to finish (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    private final EnvironmentTargets targets;

    @Inject
    QuickstartCommand(EnvironmentTargets targets) {
        this.targets = requireNonNull(targets, "targets is null");
    }

    @Override
    public Integer call() throws Exception {
        Printer printer = new Printer(spec);
        Path root = prepareDirectory();
        CaptureTarget python = targets.resolve("python3", root, "the demo's Python");
        printer.line("== asimov quickstart in " + root + " (analyses run with " + python + ")");

        run(printer, "init", "Quickstart demo");
        Path blueprint = root.resolve("blueprint.yaml");
        AtomicFiles.writeString(blueprint, blueprint(python.python()));
        printer.line("$ cat blueprint.yaml");
        printer.line(Files.readString(blueprint).stripTrailing());
        run(printer, "apply", "-f", blueprint.toString());

        Deadline deadline = new Deadline(Duration.ofSeconds(timeoutSeconds));
        // prod1 needs prod0, so it takes two rounds of build-submit-monitor to finish both.
        for (int round = 1; !allSettled(root); round++) {
            if (deadline.passed()) {
                throw new AsimovException(ErrorKind.PIPELINE_FAILED, "the demo analyses did not finish within "
                        + timeoutSeconds + " s; see 'asimov --project " + root + " report status'");
            }
            if (round > 1) {
                Thread.sleep(300);
            }
            if (anyReadyToStart(root)) {
                run(printer, "manage", "build");
                run(printer, "manage", "submit");
            }
            // monitor is polled quietly; its output is shown once it has moved something on
            String monitor = runCapturing("monitor");
            if (monitor.lines().anyMatch(line -> !line.startsWith("skip"))) {
                printer.line("$ asimov monitor");
                printer.line(monitor.stripTrailing());
            }
        }
        run(printer, "report", "status");
        run(printer, "production", "results", EVENT, "prod0");
        Path fetched = root.resolve("fetched-environment.json");
        run(printer, "production", "results", EVENT, "prod0", "--file", EnvironmentFiles.METADATA, "--output", fetched.toString());
        JsonNode environment = new ObjectMapper().readTree(fetched.toFile());
        printer.line("");
        printer.line("From the results store, " + EVENT + "/prod0 ran with:");
        printer.line("  Python            " + environment.path("python_version").asText());
        printer.line("  environment type  " + environment.path("environment_type").asText());
        printer.line("  captured at       " + environment.path("timestamp").asText());
        printer.line("  fingerprint       " + environment.path("fingerprint").path("value").asText());
        // the launcher says where it is, so the hint works without asimov on PATH
        String asimov = System.getProperty("asimov.launcher", "asimov");
        printer.line("Explore it yourself: " + asimov + " --project " + root + " report status");
        return stuckAnalyses(root).isEmpty() ? 0 : ErrorKind.PIPELINE_FAILED.exitCode();
    }

    private Path prepareDirectory() throws IOException {
        Path root = directory != null ? directory.toAbsolutePath().normalize()
                : Files.createTempDirectory("asimov-quickstart-");
        if (Files.isDirectory(root)) {
            try (var entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new AsimovException(ErrorKind.CONFLICT, root + " is not empty; give a new or empty directory");
                }
            }
        }
        Files.createDirectories(root);
        this.directory = root;
        return root;
    }

    /** A ready analysis whose needs have all finished: worth a round of build and submit. */
    private boolean anyReadyToStart(Path root) {
        List<Analysis> analyses = new LedgerFile(Project.open(root).ledgerFile()).read().analyses();
        return analyses.stream().anyMatch(a -> a.status() == Status.READY && a.needs().stream()
                .allMatch(need -> a.event().analysis(need).map(n -> n.status().hasFinished()).orElse(false)));
    }

    private boolean allSettled(Path root) {
        List<Analysis> analyses = new LedgerFile(Project.open(root).ledgerFile()).read().analyses();
        return !analyses.isEmpty() && analyses.stream()
                .allMatch(a -> a.status() == Status.UPLOADED || a.status() == Status.STUCK);
    }

    private List<String> stuckAnalyses(Path root) {
        List<String> stuck = new ArrayList<>();
        new LedgerFile(Project.open(root).ledgerFile()).read().analyses().stream()
                .filter(a -> a.status() == Status.STUCK).forEach(a -> stuck.add(a.qualifiedName()));
        return stuck;
    }

    /** Runs one real asimov command against the demo project, echoing it like a shell session. */
    private void run(Printer printer, String... args) {
        printer.line("$ asimov " + String.join(" ", args));
        execute(spec.commandLine().getOut(), args);
    }

    private String runCapturing(String... args) {
        StringWriter buffer = new StringWriter();
        try (PrintWriter out = new PrintWriter(buffer)) {
            execute(out, args);
        }
        return buffer.toString();
    }

    private void execute(PrintWriter out, String... args) {
        List<String> full = new ArrayList<>(List.of("--project", directory.toString()));
        full.addAll(List.of(args));
        String[] arguments = full.toArray(String[]::new);
        CommandLine command = Main.commandLine(arguments);
        command.setOut(out);
        command.setErr(spec.commandLine().getErr());
        int status = command.execute(arguments);
        if (status != 0) {
            throw new AsimovException(ErrorKind.PIPELINE_FAILED, "'asimov " + String.join(" ", args)
                    + "' failed with exit status " + status + " (see above)");
        }
    }

    private static String blueprint(Path python) {
        String analysis = """
                ---
                kind: analysis
                name: %s
                event: %s
                pipeline: local
                environment: %s
                command: |-
                  %s -c "import json, os, platform, sys; os.makedirs('results', exist_ok=True); json.dump({'analysis': '%s', 'python': platform.python_version(), 'executable': sys.executable}, open('results/%s.json', 'w'))"
                """;
        return """
                kind: event
                name: %s
                """.formatted(EVENT)
                + analysis.formatted("prod0", EVENT, python, "python3", "prod0", "posterior-prod0")
                + analysis.formatted("prod1", EVENT, python, "python3", "prod1", "posterior-prod1")
                + "needs:\n  - prod0\n";
    }

    private record Deadline(long endNanos) {
        Deadline(Duration duration) {
            this(System.nanoTime() + duration.toNanos());
        }

        boolean passed() {
            return System.nanoTime() > endNanos;
        }
    }
}
