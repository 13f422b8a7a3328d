package org.asimov.cli.output;

import java.io.PrintWriter;

import org.asimov.core.lifecycle.LifecycleListener;
import org.asimov.core.lifecycle.Outcome;

/**
 * A one-line progress counter on standard error while a step works through many analyses;
 * silent when standard error is not a terminal, so logs and pipes stay clean.
 */
public final class TerminalProgress implements LifecycleListener {
    private final PrintWriter err;
    private String step = "";

    private TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** A progress line when a person is watching, else nothing. */
    public static LifecycleListener forTerminal(PrintWriter err) {
        return isInteractive() ? new TerminalProgress(err) : LifecycleListener.SILENT;
    }

    public static boolean isInteractive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public void starting(String step, int total) {
        this.step = step;
    }

    @Override
    public void analysisDone(Outcome outcome, int done, int total) {
        if (total < 2) {
            return;
        }
        err.print("\r\033[K" + step + " [" + done + "/" + total + "] " + outcome.qualifiedName());
        if (done == total) {
            err.print("\r\033[K");
        }
        err.flush();
    }
}
