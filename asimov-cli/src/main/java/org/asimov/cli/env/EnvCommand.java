package org.asimov.cli.env;

import picocli.CommandLine.Command;

/** A group of commands; its subcommands are listed in {@code org.asimov.cli.CommandTree}. */
@Command(name = "env", description = "Capture, inspect, restore and export software environments.")
public final class EnvCommand {
}
