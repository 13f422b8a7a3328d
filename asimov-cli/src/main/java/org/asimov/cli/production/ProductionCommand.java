package org.asimov.cli.production;

import picocli.CommandLine.Command;

@Command(name = "production", description = "Work with one analysis (production).", subcommands = ResultsCommand.class)
public final class ProductionCommand {
}
