package org.asimov.core.logging;

import static java.util.Objects.requireNonNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SLF4J logger made the first time something is logged, for classes that every command
 * builds and that log only now and then. SLF4J's start-up (its provider, the simple logger's
 * configuration, a class-path lookup for its properties) costs a cold process several
 * milliseconds, which a run that logs nothing should not pay.
 */
public final class LazyLogger {
    private final Class<?> owner;
    private volatile Logger logger;

    private LazyLogger(Class<?> owner) {
        this.owner = requireNonNull(owner, "owner is null");
    }

    public static LazyLogger of(Class<?> owner) {
        return new LazyLogger(owner);
    }

    /** The logger, made on the first call. */
    public Logger get() {
        Logger made = logger;
        if (made == null) {
            made = LoggerFactory.getLogger(owner);
            logger = made; // a race makes the same logger twice: SLF4J returns one per name
        }
        return made;
    }
}
