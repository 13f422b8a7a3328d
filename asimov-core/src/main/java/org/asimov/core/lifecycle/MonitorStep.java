package org.asimov.core.lifecycle;

import static java.util.Objects.requireNonNull;
import static org.asimov.core.lifecycle.BuildStep.outcome;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.ledger.Status;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.core.pipeline.JobState;
import org.asimov.core.project.Project;
import org.asimov.core.store.ResultsStore;

/**
 * {@code asimov monitor}: moves running analyses on when their job has ended (finished, or
 * stuck when it failed) and uploads finished ones (outputs and environment files) to the
 * results store, after which they are uploaded.
 */
public final class MonitorStep {
    private final org.asimov.core.pipeline.PipelineRegistry pipelines;
    private final JobFactory jobs;
    private final ResultsUploader uploader;
    private final Clock clock;

    public MonitorStep(org.asimov.core.pipeline.PipelineRegistry pipelines, JobFactory jobs, ResultsUploader uploader,
            Clock clock) {
        this.pipelines = requireNonNull(pipelines, "pipelines is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.uploader = requireNonNull(uploader, "uploader is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** @param store opened on first use only, so a monitor pass with nothing to upload never boots the database */
    public List<Outcome> run(Ledger ledger, Project project, AnalysisSelection selection, Supplier<ResultsStore> store,
            LifecycleListener listener) {
        List<Analysis> candidates = selection.select(ledger).stream()
                .filter(a -> a.status() == Status.RUNNING || a.status() == Status.FINISHED).toList();
        return EachAnalysis.run("monitor", candidates, listener, analysis -> monitorOne(analysis, project, store));
    }

    private Outcome monitorOne(Analysis analysis, Project project, Supplier<ResultsStore> store) {
        try {
            AnalysisJob job = jobs.jobFor(analysis, project);
            String ran = "";
            if (analysis.status() == Status.RUNNING) {
                JobState state = pipelines.require(analysis.pipeline()).poll(job);
                ObjectNode jobMeta = jobMeta(analysis);
                switch (state.phase()) {
                    case RUNNING -> {
                        return outcome(analysis, Outcome.Result.SKIPPED, "still running (" + state.detail() + ")");
                    }
                    case FAILED -> {
                        analysis.setStatus(Status.STUCK);
                        jobMeta.put("ended", clock.instant().toString());
                        jobMeta.put("failure", state.detail());
                        return outcome(analysis, Outcome.Result.FAILED, "stuck: " + state.detail());
                    }
                    case SUCCEEDED -> {
                        analysis.setStatus(Status.FINISHED);
                        jobMeta.put("ended", clock.instant().toString());
                        ran = "finished; ";
                    }
                }
            }
            List<String> stored = uploader.upload(job, store.get());
            analysis.setStatus(Status.UPLOADED);
            analysis.meta().putArray("results").addAll(stored.stream()
                    .map(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::textNode).toList());
            return outcome(analysis, Outcome.Result.DONE, ran + "uploaded " + stored.size() + " files to the results store");
        } catch (AsimovException e) {
            return outcome(analysis, Outcome.Result.FAILED, e.getMessage());
        }
    }

    private static ObjectNode jobMeta(Analysis analysis) {
        return analysis.meta().get("job") instanceof ObjectNode job ? job : analysis.meta().putObject("job");
    }
}
