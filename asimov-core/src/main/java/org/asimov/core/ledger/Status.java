package org.asimov.core.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/** asimov's analysis statuses, written in lower case in the ledger. */
public enum Status {
    READY,
    RUNNING,
    FINISHED,
    UPLOADED,
    STUCK,
    /** Statuses asimov knows and other tools set; this implementation leaves them alone. */
    WAIT,
    CANCELLED,
    MANUAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromKey(String key) {
        for (Status status : values()) {
            if (status.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new AsimovException(ErrorKind.INVALID_INPUT, "unknown status '" + key + "'; expected one of "
                + Arrays.stream(values()).map(Status::key).collect(Collectors.joining(", ")));
    }

    /** Whether analyses that need this one may start. */
    public boolean hasFinished() {
        return this == FINISHED || this == UPLOADED;
    }
}
