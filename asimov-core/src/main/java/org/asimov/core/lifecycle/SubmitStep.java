package org.asimov.core.lifecycle;

import static java.util.Objects.requireNonNull;
import static org.asimov.core.lifecycle.BuildStep.outcome;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.ledger.Status;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.core.pipeline.Pipeline;
import org.asimov.core.pipeline.PipelineRegistry;
import org.asimov.core.project.Project;

/** {@code asimov manage submit}: starts every built, ready analysis whose needs have finished. */
public final class SubmitStep {
    private final PipelineRegistry pipelines;
    private final JobFactory jobs;
    private final Clock clock;

    public SubmitStep(PipelineRegistry pipelines, JobFactory jobs, Clock clock) {
        this.pipelines = requireNonNull(pipelines, "pipelines is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** @param recorder captures each environment again as its analyses start (the run phase) */
    public List<Outcome> run(Ledger ledger, Project project, AnalysisSelection selection, boolean dryRun,
            EnvironmentRecorder recorder, LifecycleListener listener) {
        List<Analysis> candidates = selection.select(ledger).stream().filter(a -> a.status() == Status.READY).toList();
        return EachAnalysis.run(dryRun ? "submit (dry run)" : "submit", candidates, listener,
                analysis -> submitOne(analysis, project, dryRun, recorder));
    }

    private Outcome submitOne(Analysis analysis, Project project, boolean dryRun, EnvironmentRecorder recorder) {
        String unmet = AnalysisSelection.unmetNeed(analysis);
        if (unmet != null) {
            return outcome(analysis, Outcome.Result.SKIPPED, "waiting: " + unmet);
        }
        if (!analysis.environmentCaptured()) {
            return outcome(analysis, Outcome.Result.SKIPPED, "not built yet; run 'asimov manage build' first");
        }
        try {
            Pipeline pipeline = pipelines.require(analysis.pipeline());
            AnalysisJob job = jobs.jobFor(analysis, project);
            if (dryRun) {
                return outcome(analysis, Outcome.Result.WOULD, "would start '" + analysis.command().orElse("")
                        + "' in " + job.runDirectory() + " with pipeline '" + pipeline.name() + "'");
            }
            ObjectNode before = analysis.meta().deepCopy();
            try {
                boolean drift = recorder.recordRun(job);
                pipeline.submit(job);
                analysis.setStatus(Status.RUNNING);
                analysis.meta().putObject("job").put("submitted", clock.instant().toString());
                return outcome(analysis, Outcome.Result.DONE, "running in " + job.runDirectory() + (drift
                        ? "; WARNING: its environment changed since it was built (drift; see 'asimov env diff "
                                + analysis.qualifiedName() + "@build " + analysis.qualifiedName() + "@run' once uploaded)"
                        : ""));
            } catch (AsimovException e) {
                analysis.meta().removeAll();
                analysis.meta().setAll(before);
                throw e;
            }
        } catch (AsimovException e) {
            return outcome(analysis, Outcome.Result.FAILED, e.getMessage());
        }
    }
}
