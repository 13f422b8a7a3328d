package org.asimov.store.environment;

/** What recording an analysis's environment did. */
public enum Recorded {
    /** The environment was new: its row and its packages were written. */
    NEW_ENVIRONMENT,
    /** Another analysis had recorded the same environment: only the link was written. */
    SHARED_ENVIRONMENT,
    /** This analysis's environment for this phase was already recorded: nothing was written. */
    ALREADY_RECORDED
}
