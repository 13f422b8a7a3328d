package org.asimov.core.lifecycle;

import static java.util.Objects.requireNonNull;

/** What one step of the life did to one analysis, for the person at the terminal and for --json. */
public record Outcome(String event, String analysis, Result result, String message) {
    public enum Result {
        /** The step was done. */
        DONE,
        /** The step was not needed or not yet possible (needs unfinished, still running). */
        SKIPPED,
        /** --dryrun: what the step would have done. */
        WOULD,
        /** The step failed for this analysis; the message says why. */
        FAILED
    }

    public Outcome {
        requireNonNull(event, "event is null");
        requireNonNull(analysis, "analysis is null");
        requireNonNull(result, "result is null");
        requireNonNull(message, "message is null");
    }

    public String qualifiedName() {
        return event + "/" + analysis;
    }
}
