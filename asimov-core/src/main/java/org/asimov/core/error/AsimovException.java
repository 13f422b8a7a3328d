package org.asimov.core.error;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type asimov code throws on purpose. Its message is written for the person
 * at the terminal: what went wrong and, where we can tell, what to do next.
 */
public class AsimovException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public AsimovException(ErrorKind kind, String message) {
        super(message);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public AsimovException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public ErrorKind kind() {
        return kind;
    }
}
