package org.asimov.core.environment;

import java.util.Locale;

/** asimov's three kinds of Python environment, written in environment.json in lower case. */
public enum EnvironmentType {
    CONDA,
    VIRTUALENV,
    SYSTEM;

    /** The spelling asimov uses in environment.json. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnvironmentType fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
