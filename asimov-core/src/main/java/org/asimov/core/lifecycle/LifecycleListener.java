package org.asimov.core.lifecycle;

/** Hears about each analysis as a step works through many, so a terminal can show progress. */
public interface LifecycleListener {
    LifecycleListener SILENT = new LifecycleListener() {
    };

    default void starting(String step, int total) {
    }

    default void analysisDone(Outcome outcome, int done, int total) {
    }
}
