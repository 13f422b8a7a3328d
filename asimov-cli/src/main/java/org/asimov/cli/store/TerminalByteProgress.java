package org.asimov.cli.store;

import java.io.PrintWriter;

import org.asimov.cli.output.TerminalProgress;
import org.asimov.store.ProgressListener;

/** A percentage and MiB counter on standard error for large copies; silent off a terminal. */
public final class TerminalByteProgress implements ProgressListener {
    /** Small files finish before anyone could read a progress line. */
    private static final long WORTH_SHOWING = 32L << 20;

    private final PrintWriter err;
    private final String label;

    private TerminalByteProgress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    public static ProgressListener forTerminal(PrintWriter err, String label) {
        return TerminalProgress.isInteractive() ? new TerminalByteProgress(err, label) : ProgressListener.NONE;
    }

    @Override
    public void progress(long bytesDone, long bytesTotal) {
        if (bytesTotal >= 0 && bytesTotal < WORTH_SHOWING) {
            return;
        }
        String percent = bytesTotal > 0 ? String.format(" %3d%%", bytesDone * 100 / bytesTotal) : "";
        err.print("\r\033[K" + label + percent + " " + (bytesDone >> 20) + " MiB"
                + (bytesTotal > 0 ? " of " + (bytesTotal >> 20) + " MiB" : ""));
        if (bytesTotal > 0 && bytesDone >= bytesTotal) {
            err.print("\r\033[K");
        }
        err.flush();
    }
}
