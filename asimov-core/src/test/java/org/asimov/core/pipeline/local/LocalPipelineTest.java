package org.asimov.core.pipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.ledger.Event;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.pipeline.ActivatedEnvironment;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.core.pipeline.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPipelineTest {
    @TempDir
    Path dir;

    private final LocalPipeline pipeline = new LocalPipeline();

    @Test
    void runsTheCommandWithTheEnvironmentActivatedAndRecordsSuccess() throws Exception {
        Path venv = fakeVenv();
        AnalysisJob job = job("echo \"$VIRTUAL_ENV\" > seen.txt; command -v marker-tool >> seen.txt", venv);
        pipeline.build(job);
        pipeline.submit(job);
        JobState state = waitForEnd(job);
        assertThat(state.phase()).isEqualTo(JobState.Phase.SUCCEEDED);
        assertThat(Files.readAllLines(job.runDirectory().resolve("seen.txt")))
                .containsExactly(venv.toString(), venv.resolve("bin/marker-tool").toString());
    }

    @Test
    void aFailingCommandIsReportedWithItsStatus() throws Exception {
        AnalysisJob job = job("echo broken >&2; exit 3", fakeVenv());
        pipeline.build(job);
        pipeline.submit(job);
        JobState state = waitForEnd(job);
        assertThat(state.phase()).isEqualTo(JobState.Phase.FAILED);
        assertThat(state.detail()).contains("status 3");
        assertThat(Files.readString(job.runDirectory().resolve(LocalPipeline.STDERR_FILE))).isEqualTo("broken\n");
    }

    @Test
    void aKilledJobIsNotMistakenForARunningOne() throws Exception {
        AnalysisJob job = job("sleep 30", fakeVenv());
        pipeline.build(job);
        pipeline.submit(job);
        long pid = Long.parseLong(Files.readString(job.runDirectory().resolve("asimov.pid")).trim());
        assertThat(pipeline.poll(job).phase()).isEqualTo(JobState.Phase.RUNNING);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        // the wrapper shell is gone; its child sleep may linger but nothing recorded an exit status
        assertThat(pipeline.poll(job).phase()).isEqualTo(JobState.Phase.FAILED);
    }

    private JobState waitForEnd(AnalysisJob job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JobState state = pipeline.poll(job);
        while (state.phase() == JobState.Phase.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            state = pipeline.poll(job);
        }
        return state;
    }

    private Path fakeVenv() throws Exception {
        Path venv = dir.resolve("venv");
        Files.createDirectories(venv.resolve("bin"));
        Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\n");
        Path tool = venv.resolve("bin/marker-tool");
        Files.writeString(tool, "#!/bin/sh\n");
        tool.toFile().setExecutable(true);
        Files.writeString(venv.resolve("bin/python"), "");
        return venv;
    }

    private AnalysisJob job(String command, Path venv) throws Exception {
        Ledger ledger = Ledger.create("p", "0");
        Event event = ledger.addEvent(JsonNodeFactory.instance.objectNode().put("name", "E"));
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("pipeline", "local").put("command", command);
        Analysis analysis = event.addAnalysis("a", meta);
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        CaptureTarget target = CaptureTarget.ofPython(venv.resolve("bin/python"));
        return new AnalysisJob(analysis, run, target, ActivatedEnvironment.of(target));
    }
}
