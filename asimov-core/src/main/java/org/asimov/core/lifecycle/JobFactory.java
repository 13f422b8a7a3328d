package org.asimov.core.lifecycle;

import static java.util.Objects.requireNonNull;

import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.pipeline.ActivatedEnvironment;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.core.project.Project;

/** Puts together what a pipeline needs to know about an analysis. */
public final class JobFactory {
    private final EnvironmentTargets targets;

    public JobFactory(EnvironmentTargets targets) {
        this.targets = requireNonNull(targets, "targets is null");
    }

    public AnalysisJob jobFor(Analysis analysis, Project project) {
        CaptureTarget environment = targets.forAnalysis(analysis, project);
        return new AnalysisJob(analysis, analysis.runDirectory(project.root(), project.workingDirectory()),
                environment, ActivatedEnvironment.of(environment));
    }
}
