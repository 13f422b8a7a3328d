package org.asimov.cli.manage;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.capture.system.SystemCapture;
import org.asimov.cli.env.SystemOptions;
import org.asimov.core.environment.EnvironmentCapture;
import org.asimov.core.lifecycle.BuildStep;
import org.asimov.core.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", description = {"Capture environments and build every ready analysis whose needs have finished.",
        "For each, capture the software environment it will run in (environment.json, "
                + "environment-pip.txt and, for conda, environment-conda.txt in its run directory, recorded "
                + "in the ledger), then let its pipeline write its configuration. An environment shared by "
                + "several analyses is captured once. A capture that fails fails the build of that "
                + "analysis."})
public final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--event", paramLabel = "EVENT", description = "Only the analyses of this event.")
    String event;

    @Option(names = "--dryrun", description = "Say what would be built; capture nothing, write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Mixin
    SystemOptions system;

    private final ProjectLocator locator;
    private final BuildStep build;
    private final EnvironmentCapture capture;
    private final SystemCapture systemCapture;

    @Inject
    BuildCommand(ProjectLocator locator, BuildStep build, EnvironmentCapture capture, SystemCapture systemCapture) {
        this.systemCapture = requireNonNull(systemCapture, "systemCapture is null");
        this.locator = requireNonNull(locator, "locator is null");
        this.build = requireNonNull(build, "build is null");
        this.capture = requireNonNull(capture, "capture is null");
    }

    @Override
    public Integer call() {
        Project project = locator.project();
        CapturingStep step = build::run;
        return step.runAndReport("build", project, event, dryRun, json,
                system.recorder(capture, systemCapture, project.config()), new Printer(spec));
    }
}
