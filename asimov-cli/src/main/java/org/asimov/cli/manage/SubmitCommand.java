package org.asimov.cli.manage;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.capture.system.SystemCapture;
import org.asimov.cli.ProjectLocator;
import org.asimov.cli.env.SystemOptions;
import org.asimov.cli.output.Printer;
import org.asimov.core.environment.EnvironmentCapture;
import org.asimov.core.lifecycle.SubmitStep;
import org.asimov.core.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "submit", description = {"Start every built, ready analysis whose needs have finished.",
        "It becomes 'running'. Its environment is captured again as it starts (into run-environment/ in its run "
                + "directory); when that differs from the build capture, the ledger records drift. Follow "
                + "it with 'asimov monitor'."})
public final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--event", paramLabel = "EVENT", description = "Only the analyses of this event.")
    String event;

    @Option(names = "--dryrun", description = "Say what would be started; start nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    /** The run-time capture's system part, as {@code manage build} takes them. */
    @Mixin
    SystemOptions system;

    private final ProjectLocator locator;
    private final SubmitStep submit;
    private final EnvironmentCapture capture;
    private final SystemCapture systemCapture;

    @Inject
    SubmitCommand(ProjectLocator locator, SubmitStep submit, EnvironmentCapture capture, SystemCapture systemCapture) {
        this.locator = requireNonNull(locator, "locator is null");
        this.submit = requireNonNull(submit, "submit is null");
        this.capture = requireNonNull(capture, "capture is null");
        this.systemCapture = requireNonNull(systemCapture, "systemCapture is null");
    }

    @Override
    public Integer call() {
        Project project = locator.project();
        CapturingStep step = submit::run;
        return step.runAndReport("submit", project, event, dryRun, json,
                system.recorder(capture, systemCapture, project.config()), new Printer(spec));
    }
}
