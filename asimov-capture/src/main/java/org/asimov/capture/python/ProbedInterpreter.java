package org.asimov.capture.python;

import static java.util.Objects.requireNonNull;

import org.asimov.core.environment.InterpreterInfo;

/**
 * What the probe learnt: the interpreter's account of itself plus the one fact pip freeze
 * needs that {@link InterpreterInfo} does not carry.
 *
 * @param info            the interpreter, as recorded in environment.json
 * @param importlibForPip pip's {@code _should_use_importlib_metadata()} as this interpreter answers it
 */
public record ProbedInterpreter(InterpreterInfo info, boolean importlibForPip) {
    public ProbedInterpreter {
        requireNonNull(info, "info is null");
    }
}
