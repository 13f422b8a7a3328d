package org.asimov.core.environment;

import java.util.Locale;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/** When an analysis's environment was captured: when it was built, or when it ran. */
public enum CapturePhase {
    BUILD,
    RUN;

    /** The lower-case spelling stored in the database and typed on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CapturePhase fromKey(String key) {
        for (CapturePhase phase : values()) {
            if (phase.key().equals(key)) {
                return phase;
            }
        }
        throw new AsimovException(ErrorKind.INVALID_INPUT, "unknown capture phase '" + key + "': use 'build' or 'run'");
    }
}
