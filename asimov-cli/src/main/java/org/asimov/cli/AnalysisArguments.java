package org.asimov.cli;

import org.asimov.core.names.SafeName;

import picocli.CommandLine.Parameters;

/** The EVENT ANALYSIS pair that names one analysis, checked as names; a picocli mixin. */
public final class AnalysisArguments {
    @Parameters(index = "0", paramLabel = "EVENT", description = "The event.")
    String event;

    @Parameters(index = "1", paramLabel = "ANALYSIS", description = "The analysis of that event.")
    String analysis;

    public String event() {
        return SafeName.require("event name", event);
    }

    public String analysis() {
        return SafeName.require("analysis name", analysis);
    }
}
