package org.asimov.cli.env;

import picocli.CommandLine.Command;

@Command(name = "env", description = "Capture and inspect software environments.",
        subcommands = {CaptureCommand.class, EnvListCommand.class, EnvFindCommand.class, EnvShowCommand.class, EnvDiffCommand.class, EnvRecordCommand.class, org.asimov.cli.env.export.EnvExportCommand.class})
public final class EnvCommand {
}
