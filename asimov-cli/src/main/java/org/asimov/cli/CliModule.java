package org.asimov.cli;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.asimov.cli.env.CaptureCommand;
import org.asimov.cli.env.EnvCommand;
import org.asimov.cli.manage.BuildCommand;
import org.asimov.cli.manage.ManageCommand;
import org.asimov.cli.manage.MonitorCommand;
import org.asimov.cli.manage.SubmitCommand;
import org.asimov.cli.production.ProductionCommand;
import org.asimov.cli.production.ResultsCommand;
import org.asimov.cli.project.ApplyCommand;
import org.asimov.cli.project.InitCommand;
import org.asimov.cli.quickstart.QuickstartCommand;
import org.asimov.cli.report.ReportCommand;
import org.asimov.cli.report.StatusCommand;
import org.asimov.core.lifecycle.EnvironmentTargets;

/** The commands and what every command shares. */
public final class CliModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ProjectLocator.class).in(Singleton.class);
        bind(AsimovCommand.class);
        bind(InitCommand.class);
        bind(ApplyCommand.class);
        bind(ManageCommand.class);
        bind(BuildCommand.class);
        bind(SubmitCommand.class);
        bind(MonitorCommand.class);
        bind(ReportCommand.class);
        bind(StatusCommand.class);
        bind(ProductionCommand.class);
        bind(ResultsCommand.class);
        bind(EnvCommand.class);
        bind(CaptureCommand.class);
        bind(org.asimov.cli.env.EnvListCommand.class);
        bind(org.asimov.cli.env.EnvFindCommand.class);
        bind(org.asimov.cli.env.EnvShowCommand.class);
        bind(org.asimov.cli.env.export.EnvExportCommand.class);
        bind(org.asimov.cli.env.EnvDiffCommand.class);
        bind(org.asimov.cli.env.EnvRestoreCommand.class);
        bind(org.asimov.cli.env.EnvRecordCommand.class);
        bind(org.asimov.cli.query.QueryCommand.class);
        bind(QuickstartCommand.class);
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    EnvironmentTargets environmentTargets() {
        return new EnvironmentTargets(System.getenv());
    }
}
