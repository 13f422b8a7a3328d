package org.asimov.core.restore;

import static java.util.Objects.requireNonNull;

/**
 * An installed distribution the record names but cannot rebuild on its own: an editable
 * install, or one made from a local file or directory.
 *
 * @param name   the distribution's name
 * @param line   what environment-pip.txt says of it
 * @param reason why the record alone is not enough
 * @param advice what the user must do so that the restore can install it
 */
public record Unrebuildable(String name, String line, String reason, String advice) {
    public Unrebuildable {
        requireNonNull(name, "name is null");
        requireNonNull(line, "line is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(advice, "advice is null");
    }
}
