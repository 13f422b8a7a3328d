package org.asimov.core.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.ledger.Analysis;

/**
 * An analysis with everything a pipeline needs to build or run it: where its run directory is
 * and which Python environment it runs in.
 */
public record AnalysisJob(Analysis analysis, Path runDirectory, CaptureTarget environment, ActivatedEnvironment activation) {
    public AnalysisJob {
        requireNonNull(analysis, "analysis is null");
        requireNonNull(runDirectory, "runDirectory is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(activation, "activation is null");
    }
}
