package org.asimov.core.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.asimov.core.ledger.Analysis;

/** Runs one step over many analyses, one outcome each, telling the listener as it goes. */
final class EachAnalysis {
    private EachAnalysis() {
    }

    static List<Outcome> run(String step, List<Analysis> analyses, LifecycleListener listener,
            Function<Analysis, Outcome> action) {
        listener.starting(step, analyses.size());
        List<Outcome> outcomes = new ArrayList<>();
        for (Analysis analysis : analyses) {
            Outcome outcome = action.apply(analysis);
            outcomes.add(outcome);
            listener.analysisDone(outcome, outcomes.size(), analyses.size());
        }
        return outcomes;
    }
}
