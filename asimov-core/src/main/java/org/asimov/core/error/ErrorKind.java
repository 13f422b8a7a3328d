package org.asimov.core.error;

/**
 * The categories every asimov failure falls into. Each carries the process exit status the CLI
 * returns for it, so scripts can tell "you typed it wrong" from "the store is damaged".
 */
public enum ErrorKind {
    /** Wrong command-line usage (picocli's own convention is 2). */
    USAGE(2),
    /** Malformed input the user gave us: ledger, blueprint, configuration, names. */
    INVALID_INPUT(3),
    /** Something named does not exist: event, analysis, file, project, interpreter. */
    NOT_FOUND(4),
    /** The request contradicts what is already recorded (duplicate, write-once violation). */
    CONFLICT(5),
    /** The software environment could not be captured. */
    CAPTURE_FAILED(6),
    /** A pipeline could not build, submit or run an analysis. */
    PIPELINE_FAILED(7),
    /** The database behind the store failed or refused. */
    DATABASE(8),
    /** Stored content does not match its recorded hash, or a recorded blob is missing. */
    INTEGRITY(9),
    /** Reading or writing a file failed (permissions, full disk). */
    IO(10),
    /** A recorded environment could not be rebuilt ({@code env restore --execute}). */
    RESTORE_FAILED(11),
    /** A bug: something that should not happen did. */
    INTERNAL(70);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
