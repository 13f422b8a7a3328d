package org.asimov.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import jakarta.inject.Inject;


import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "asimov", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        scope = ScopeType.INHERIT,
        usageHelpAutoWidth = true, sortOptions = false,
        description = {"Run scientific analyses and record exactly what software each ran with. The Python "
                        + "interpreter, every installed distribution (as pip freeze prints it) and every conda "
                        + "package are captured when an analysis is built, and stored with its results."},
        footer = {"",
                "Exit status: 0 ok, 1 differences found (env capture --check, env diff, env restore "
                        + "--verify), 2 usage, 3 invalid input, 4 not found, 5 conflict, 6 capture failed, 7 "
                        + "pipeline failed, 8 database, 9 integrity, 10 I/O, 11 restore failed, 70 internal error."})
/** The root command; its subcommands are added by {@link CommandTree}. */
public final class AsimovCommand {
    private final ProjectLocator locator;

    @Inject
    AsimovCommand(ProjectLocator locator) {
        this.locator = requireNonNull(locator, "locator is null");
    }

    @Option(names = "--project", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The project directory (default: the project containing the current directory).")
    void setProject(Path root) {
        locator.useRoot(root);
    }
}
