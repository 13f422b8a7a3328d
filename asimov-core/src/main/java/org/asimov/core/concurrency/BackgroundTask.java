package org.asimov.core.concurrency;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work started on a daemon thread of its own, whose result is waited for later: what a
 * short-lived command does beside its main line (the injector, the system part of a capture).
 * A daemon, so that a process that no longer needs the result can end. A FutureTask rather
 * than a CompletableFuture, whose class initialisation starts the common fork-join pool.
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {
    private final FutureTask<T> task;
    private final String activity;

    private BackgroundTask(FutureTask<T> task, String activity) {
        this.task = task;
        this.activity = activity;
    }

    /**
     * @param threadName what thread dumps and profiles call the thread
     * @param activity   what the work does, for messages ("reading the system")
     */
    public static <T> BackgroundTask<T> start(String threadName, String activity, Callable<T> work) {
        BackgroundTask<T> background = new BackgroundTask<>(new FutureTask<>(requireNonNull(work, "work is null")),
                requireNonNull(activity, "activity is null"));
        Thread thread = new Thread(background.task, requireNonNull(threadName, "threadName is null"));
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    /**
     * The result, once the work is done. What the work threw unchecked is thrown here unchanged
     * (an AsimovException keeps its kind); a checked exception comes wrapped.
     */
    public T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + activity, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(activity + " failed: " + e.getCause(), e.getCause());
        }
    }
}
