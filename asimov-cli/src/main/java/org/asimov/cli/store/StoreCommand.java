package org.asimov.cli.store;

import picocli.CommandLine.Command;

@Command(name = "store", description = {
        "The results store: content-addressed files under results/objects/ and a manifest in SQL",
        "(an embedded H2 database by default, or PostgreSQL with [storage] database = jdbc:postgresql://...)."},
        subcommands = {StorePutCommand.class, StoreListCommand.class, StoreFetchCommand.class,
                StoreVerifyCommand.class, StoreGcCommand.class, StoreStatsCommand.class})
public final class StoreCommand {
}
