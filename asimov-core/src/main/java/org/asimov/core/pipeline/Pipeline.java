package org.asimov.core.pipeline;

/**
 * A pipeline knows how to build an analysis's configuration and how to run it. Pipelines are
 * registered by name (the {@code pipeline} key of an analysis); asimov drives them through the
 * analysis life and captures the environment itself before {@link #build}, as asimov's
 * {@code before_config} hook does.
 */
public interface Pipeline {
    /** The name analyses use in their {@code pipeline} key. */
    String name();

    /** Writes the analysis configuration into its run directory. */
    void build(AnalysisJob job);

    /** Starts the analysis; returns at once, the job runs on. */
    void submit(AnalysisJob job);

    /** Whether a submitted job is still running, and how it ended. */
    JobState poll(AnalysisJob job);
}
