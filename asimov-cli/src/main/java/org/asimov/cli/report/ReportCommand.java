package org.asimov.cli.report;

import picocli.CommandLine.Command;

@Command(name = "report", description = "Report on the project.", subcommands = StatusCommand.class)
public final class ReportCommand {
}
