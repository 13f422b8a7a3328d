package org.asimov.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.ledger.Status;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.core.pipeline.Pipeline;
import org.asimov.core.pipeline.PipelineRegistry;
import org.asimov.core.project.Project;

/**
 * {@code asimov manage build}: for each ready analysis whose needs have finished, capture its
 * environment (the before-config hook) and have its pipeline write its configuration. A failure
 * fails that analysis alone and leaves its ledger entry as it was.
 */
public final class BuildStep {
    private final PipelineRegistry pipelines;
    private final JobFactory jobs;

    public BuildStep(PipelineRegistry pipelines, JobFactory jobs) {
        this.pipelines = requireNonNull(pipelines, "pipelines is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    public List<Outcome> run(Ledger ledger, Project project, AnalysisSelection selection, boolean dryRun,
            EnvironmentRecorder recorder, LifecycleListener listener) {
        List<Analysis> candidates = selection.select(ledger).stream().filter(a -> a.status() == Status.READY).toList();
        return EachAnalysis.run(dryRun ? "build (dry run)" : "build", candidates, listener,
                analysis -> buildOne(analysis, project, dryRun, recorder));
    }

    private Outcome buildOne(Analysis analysis, Project project, boolean dryRun, EnvironmentRecorder recorder) {
        String unmet = AnalysisSelection.unmetNeed(analysis);
        if (unmet != null) {
            return outcome(analysis, Outcome.Result.SKIPPED, "waiting: " + unmet);
        }
        ObjectNode before = analysis.meta().deepCopy();
        try {
            Pipeline pipeline = pipelines.require(analysis.pipeline());
            AnalysisJob job = jobs.jobFor(analysis, project);
            if (dryRun) {
                return outcome(analysis, Outcome.Result.WOULD, "would capture " + job.environment()
                        + " into " + job.runDirectory() + " and build it with pipeline '" + pipeline.name() + "'");
            }
            createDirectory(job);
            EnvironmentSnapshot snapshot = recorder.record(job);
            pipeline.build(job);
            return outcome(analysis, Outcome.Result.DONE, "built in " + job.runDirectory() + "; environment "
                    + snapshot.type().key() + ", Python " + snapshot.interpreter().version() + ", "
                    + snapshot.packages().size() + " packages, fingerprint " + snapshot.fingerprint().substring(0, 12));
        } catch (AsimovException e) {
            analysis.meta().removeAll();
            analysis.meta().setAll(before);
            return outcome(analysis, Outcome.Result.FAILED, e.getMessage());
        }
    }

    private static void createDirectory(AnalysisJob job) {
        try {
            Files.createDirectories(job.runDirectory());
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not create the run directory " + job.runDirectory()
                    + ": " + AtomicFiles.describe(e), e);
        }
    }

    static Outcome outcome(Analysis analysis, Outcome.Result result, String message) {
        return new Outcome(analysis.event().name(), analysis.name(), result, message);
    }
}
