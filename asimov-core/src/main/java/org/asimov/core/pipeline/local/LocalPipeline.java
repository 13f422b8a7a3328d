package org.asimov.core.pipeline.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.io.Yaml;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.core.pipeline.JobState;
import org.asimov.core.pipeline.Pipeline;

/**
 * Runs an analysis's {@code command} as a background process on this machine, in its run
 * directory, with its environment activated. The job writes its output to {@code asimov.out}
 * and {@code asimov.err} and its exit status to {@code asimov.exit}, so a later asimov process
 * can tell how it ended without having been its parent.
 */
public final class LocalPipeline implements Pipeline {
    public static final String NAME = "local";
    public static final String CONFIG_FILE = "analysis.yml";
    static final String JOB_SCRIPT = "asimov-job.sh";
    static final String COMMAND_SCRIPT = "asimov-command.sh";
    static final String PID_FILE = "asimov.pid";
    static final String EXIT_FILE = "asimov.exit";
    public static final String STDOUT_FILE = "asimov.out";
    public static final String STDERR_FILE = "asimov.err";

    /**
     * The wrapper records the exit status through a rename so that a reader never sees a
     * half-written number.
     */
    private static final String JOB_SCRIPT_TEXT = """
            #!/bin/sh
            # Written by asimov: runs the analysis command and records how it ended.
            cd "$(dirname "$0")" || exit 97
            /bin/sh ./%s > %s 2> %s < /dev/null
            status=$?
            echo "$status" > %s.tmp && mv %s.tmp %s
            """.formatted(COMMAND_SCRIPT, STDOUT_FILE, STDERR_FILE, EXIT_FILE, EXIT_FILE, EXIT_FILE);

    @jakarta.inject.Inject
    public LocalPipeline() {
        // no collaborators: everything a job needs is in its run directory
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void build(AnalysisJob job) {
        Analysis analysis = job.analysis();
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("event", analysis.event().name());
        config.put("analysis", analysis.name());
        config.put("pipeline", NAME);
        config.put("command", requireCommand(analysis));
        config.putArray("outputs").addAll(analysis.outputs().stream()
                .map(JsonNodeFactory.instance::textNode).toList());
        config.put("environment", job.environment().toString());
        AtomicFiles.writeString(job.runDirectory().resolve(CONFIG_FILE), Yaml.write(config));
    }

    @Override
    public void submit(AnalysisJob job) {
        Path dir = job.runDirectory();
        if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
            throw new AsimovException(ErrorKind.PIPELINE_FAILED, job.analysis().qualifiedName()
                    + " has not been built (no " + dir.resolve(CONFIG_FILE) + "); run 'asimov manage build' first");
        }
        try {
            for (String stale : new String[] {EXIT_FILE, PID_FILE, STDOUT_FILE, STDERR_FILE}) {
                Files.deleteIfExists(dir.resolve(stale));
            }
            AtomicFiles.writeString(dir.resolve(COMMAND_SCRIPT), requireCommand(job.analysis()) + "\n");
            AtomicFiles.writeString(dir.resolve(JOB_SCRIPT), JOB_SCRIPT_TEXT);
            ProcessBuilder builder = new ProcessBuilder(detachedShell(dir.resolve(JOB_SCRIPT)))
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(job.activation().apply(System.getenv()));
            Process process = builder.start();
            AtomicFiles.writeString(dir.resolve(PID_FILE), process.pid() + "\n");
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.PIPELINE_FAILED, "could not start " + job.analysis().qualifiedName()
                    + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** setsid puts the job in its own session, so a Ctrl-C meant for asimov does not reach it. */
    private static String[] detachedShell(Path script) {
        for (String setsid : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            if (Files.isExecutable(Path.of(setsid))) {
                return new String[] {setsid, "/bin/sh", script.toString()};
            }
        }
        return new String[] {"/bin/sh", script.toString()};
    }

    @Override
    public JobState poll(AnalysisJob job) {
        Path dir = job.runDirectory();
        Optional<String> exit = readTrimmed(dir.resolve(EXIT_FILE));
        if (exit.isPresent()) {
            return exit.get().equals("0") ? JobState.succeeded()
                    : JobState.failed("the command exited with status " + exit.get() + "; see " + dir.resolve(STDERR_FILE));
        }
        Optional<Long> pid = readTrimmed(dir.resolve(PID_FILE)).flatMap(LocalPipeline::parsePid);
        if (pid.isEmpty()) {
            return JobState.failed("no job was started in " + dir + " (" + PID_FILE + " is missing)");
        }
        boolean alive = ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false);
        if (alive) {
            return JobState.running("process " + pid.get());
        }
        // The wrapper may have finished between our two reads.
        return readTrimmed(dir.resolve(EXIT_FILE)).isPresent() ? poll(job)
                : JobState.failed("process " + pid.get() + " ended without recording an exit status (killed?)");
    }

    private static String requireCommand(Analysis analysis) {
        return analysis.command().filter(c -> !c.isBlank()).orElseThrow(() -> new AsimovException(
                ErrorKind.INVALID_INPUT, analysis.qualifiedName() + " has no 'command' for the local pipeline to run"));
    }

    private static Optional<String> readTrimmed(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
