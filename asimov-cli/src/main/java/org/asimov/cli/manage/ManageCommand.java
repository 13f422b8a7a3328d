package org.asimov.cli.manage;

import picocli.CommandLine.Command;

/** A group of commands; its subcommands are listed in {@code org.asimov.cli.CommandTree}. */
@Command(name = "manage", description = "Build and submit analyses.")
public final class ManageCommand {
}
