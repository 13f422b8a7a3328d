package org.asimov.core.blueprint;

/** One document of a blueprint file: an event or an analysis to add to the ledger. */
public sealed interface Blueprint permits EventBlueprint, AnalysisBlueprint {
    /** Where the document starts, "file:line", for messages. */
    String source();
}
