package org.asimov.core.lifecycle;

import java.util.List;

import org.asimov.core.ledger.Analysis;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.ledger.Status;

/** Which analyses a command acts on: all of them, or those of one event (--event). */
public record AnalysisSelection(String event) {
    public static AnalysisSelection all() {
        return new AnalysisSelection(null);
    }

    public List<Analysis> select(Ledger ledger) {
        if (event == null) {
            return ledger.analyses();
        }
        return ledger.requireEvent(event).analyses();
    }

    /** Whether every analysis that {@code analysis} needs (in its own event) has finished. */
    static String unmetNeed(Analysis analysis) {
        for (String need : analysis.needs()) {
            Status status = analysis.event().analysis(need).map(Analysis::status).orElse(null);
            if (status == null) {
                return "it needs '" + need + "', which is not in event " + analysis.event().name();
            }
            if (!status.hasFinished()) {
                return "it needs '" + need + "', which is " + status.key();
            }
        }
        return null;
    }
}
