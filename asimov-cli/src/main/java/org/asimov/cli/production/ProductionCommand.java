package org.asimov.cli.production;

import picocli.CommandLine.Command;

/** A group of commands; its subcommands are listed in {@code org.asimov.cli.CommandTree}. */
@Command(name = "production", description = "Work with one analysis (production).")
public final class ProductionCommand {
}
