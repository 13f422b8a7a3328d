package org.asimov.cli.env;

import picocli.CommandLine.Command;

@Command(name = "env", description = "Capture, inspect and restore software environments.",
        subcommands = {CaptureCommand.class, EnvListCommand.class, EnvFindCommand.class, EnvShowCommand.class, EnvDiffCommand.class, EnvRecordCommand.class,
                EnvRestoreCommand.class})
public final class EnvCommand {
}
