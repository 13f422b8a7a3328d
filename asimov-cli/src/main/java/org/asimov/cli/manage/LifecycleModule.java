package org.asimov.cli.manage;

import java.time.Clock;
import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;

import org.asimov.core.blueprint.BlueprintApplier;
import org.asimov.core.lifecycle.BuildStep;
import org.asimov.core.lifecycle.EnvironmentTargets;
import org.asimov.core.lifecycle.JobFactory;
import org.asimov.core.lifecycle.MonitorStep;
import org.asimov.core.lifecycle.ResultsUploader;
import org.asimov.core.lifecycle.SubmitStep;
import org.asimov.core.pipeline.Pipeline;
import org.asimov.core.pipeline.PipelineRegistry;
import org.asimov.core.pipeline.local.LocalPipeline;

/** Pipelines (keyed by name, the extension point) and the steps of an analysis's life. */
public final class LifecycleModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, Pipeline> pipelines = MapBinder.newMapBinder(binder(), String.class, Pipeline.class);
        pipelines.addBinding(LocalPipeline.NAME).to(LocalPipeline.class);
        bind(LocalPipeline.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    PipelineRegistry pipelineRegistry(Map<String, Pipeline> pipelines) {
        return new PipelineRegistry(pipelines);
    }

    @Provides
    @Singleton
    JobFactory jobFactory(EnvironmentTargets targets) {
        return new JobFactory(targets);
    }

    @Provides
    @Singleton
    BlueprintApplier blueprintApplier(PipelineRegistry pipelines) {
        return new BlueprintApplier(pipelines);
    }

    @Provides
    @Singleton
    BuildStep buildStep(PipelineRegistry pipelines, JobFactory jobs) {
        return new BuildStep(pipelines, jobs);
    }

    @Provides
    @Singleton
    SubmitStep submitStep(PipelineRegistry pipelines, JobFactory jobs, Clock clock) {
        return new SubmitStep(pipelines, jobs, clock);
    }

    @Provides
    @Singleton
    MonitorStep monitorStep(PipelineRegistry pipelines, JobFactory jobs, Clock clock) {
        return new MonitorStep(pipelines, jobs, new ResultsUploader(), clock);
    }
}
