package org.asimov.capture.process;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One stream read to its end on a daemon thread: a started command's output (so that it never
 * blocks on a full pipe), or the pipe of the interpreter probe bin/asimov started.
 */
public final class StreamDrain implements Runnable {
    private final InputStream stream;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    private StreamDrain(InputStream stream, Consumer<String> lines, String threadName) {
        this.stream = stream;
        this.lines = lines;
        // a Runnable of its own rather than a lambda: the first lambda costs a cold thread milliseconds
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts reading {@code stream}, which the drain closes at its end. */
    public static StreamDrain start(InputStream stream, String threadName) {
        return start(stream, null, threadName);
    }

    /** The same, handing each line to {@code lines} as it comes ({@code null} for none). */
    static StreamDrain start(InputStream stream, Consumer<String> lines, String threadName) {
        StreamDrain drain = new StreamDrain(stream, lines, threadName);
        drain.thread.start();
        return drain;
    }

    @Override
    public void run() {
        try (stream) {
            if (lines == null) {
                stream.transferTo(bytes);
                return;
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            InputStream buffered = new BufferedInputStream(stream);
            for (int b = buffered.read(); b >= 0; b = buffered.read()) {
                bytes.write(b);
                if (b == '\n') {
                    lines.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                lines.accept(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the writer went away; what was read so far is all there is
        }
    }

    /** Whether the stream ended within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    /** What was read, once the stream has ended (waiting up to 5 s for it, as after a process ended). */
    public String text() throws InterruptedException {
        thread.join(5_000);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
