package org.asimov.capture;

import java.nio.file.Path;

import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentWriter;

/**
 * One capture in a fresh JVM and nothing else: no injector, no command line, no second thread.
 * What a whole {@code asimov env capture --no-system} process could cost at best, for
 * {@code bench/capture-vs-pip-freeze --floor} to set beside it. Not a test. Arguments: the
 * python, the output directory.
 */
public final class ColdCaptureFloor {
    private ColdCaptureFloor() {
    }

    public static void main(String[] args) {
        // the interpreter first, as EarlyCapture starts it: it runs while the capture classes load
        PythonEnvironmentCapture.Started started = PythonEnvironmentCapture.start(new InterpreterProbe(),
                CaptureTarget.ofPython(Path.of(args[0])));
        EnvironmentSnapshot snapshot = PythonEnvironmentCapture.standard().finish(started);
        EnvironmentWriter.write(snapshot, null, Path.of(args[1]));
    }
}
