package org.asimov.core.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/** The pipelines this installation knows, by name. */
public final class PipelineRegistry {
    private final Map<String, Pipeline> pipelines;

    @Inject
    public PipelineRegistry(Map<String, Pipeline> pipelines) {
        this.pipelines = new TreeMap<>(requireNonNull(pipelines, "pipelines is null"));
    }

    public boolean knows(String name) {
        return pipelines.containsKey(name);
    }

    public Pipeline require(String name) {
        Pipeline pipeline = pipelines.get(name);
        if (pipeline == null) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "unknown pipeline '" + name + "'; known pipelines: "
                    + String.join(", ", pipelines.keySet()));
        }
        return pipeline;
    }
}
