package org.asimov.cli.manage;

import picocli.CommandLine.Command;

@Command(name = "manage", description = "Build and submit analyses.",
        subcommands = {BuildCommand.class, SubmitCommand.class})
public final class ManageCommand {
}
