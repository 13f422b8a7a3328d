package org.asimov.cli.store;

import picocli.CommandLine.Command;

@Command(name = "store", description = {
        "Put, list, fetch and check files in the results store.",
        "Files are stored by content under results/objects/ and listed in a SQL manifest (an",
        "embedded H2 database by default, or PostgreSQL with [storage] database = jdbc:...)."},
        subcommands = {StorePutCommand.class, StoreListCommand.class, StoreFetchCommand.class,
                StoreVerifyCommand.class, StoreGcCommand.class, StoreStatsCommand.class})
public final class StoreCommand {
}
