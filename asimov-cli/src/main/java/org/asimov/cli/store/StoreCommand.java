package org.asimov.cli.store;

import picocli.CommandLine.Command;

/** A group of commands; its subcommands are listed in {@code org.asimov.cli.CommandTree}. */
@Command(name = "store", description = {"Put, list, fetch and check files in the results store.",
        "Files are stored by content under results/objects/ and listed in a SQL manifest (an "
                + "embedded H2 database by default, or PostgreSQL with [storage] database = jdbc:...)."})
public final class StoreCommand {
}
