package org.asimov.cli.query;

/** How {@code asimov query} prints what came back. */
public enum QueryFormat {
    TABLE,
    CSV,
    JSON
}
