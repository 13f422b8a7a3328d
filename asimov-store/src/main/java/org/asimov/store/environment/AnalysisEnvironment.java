package org.asimov.store.environment;

import static java.util.Objects.requireNonNull;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.CapturedEnvironment;

/**
 * The environment one analysis used in one phase, as recorded: {@code env show}.
 *
 * @param sharedWith how many other analyses use the same environment
 */
public record AnalysisEnvironment(String event, String analysis, CapturePhase phase, CapturedEnvironment environment,
        long sharedWith) {
    public AnalysisEnvironment {
        requireNonNull(event, "event is null");
        requireNonNull(analysis, "analysis is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(environment, "environment is null");
    }
}
