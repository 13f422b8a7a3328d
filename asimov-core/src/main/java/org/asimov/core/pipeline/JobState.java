package org.asimov.core.pipeline;

import static java.util.Objects.requireNonNull;

/** What a pipeline says about a submitted job when asked. */
public record JobState(Phase phase, String detail) {
    public enum Phase { RUNNING, SUCCEEDED, FAILED }

    public JobState {
        requireNonNull(phase, "phase is null");
        requireNonNull(detail, "detail is null");
    }

    public static JobState running(String detail) {
        return new JobState(Phase.RUNNING, detail);
    }

    public static JobState succeeded() {
        return new JobState(Phase.SUCCEEDED, "exited with status 0");
    }

    public static JobState failed(String detail) {
        return new JobState(Phase.FAILED, detail);
    }
}
