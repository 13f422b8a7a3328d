package org.asimov.cli.report;

import picocli.CommandLine.Command;

/** A group of commands; its subcommands are listed in {@code org.asimov.cli.CommandTree}. */
@Command(name = "report", description = "Report on the project.")
public final class ReportCommand {
}
