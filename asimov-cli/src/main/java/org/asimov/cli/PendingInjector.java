package org.asimov.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

/**
 * The injector, built on a thread of its own while {@code main} builds the command line.
 *
 * <p>Both are cold-JVM work of tens of milliseconds: Guice's own start-up (java.util.logging,
 * its caches, the annotations it checks) and picocli's reflection over the commands. picocli
 * asks for a command's instance only when it needs one (a command with a mixin, or the parse),
 * so most of its work runs beside Guice's instead of after it. A FutureTask rather than a
 * CompletableFuture, whose class initialisation starts the common fork-join pool.
 */
final class PendingInjector {
    private final FutureTask<Injector> building;

    private PendingInjector(FutureTask<Injector> building) {
        this.building = building;
    }

    /** Starts building the injector of {@code modules} ({@code Stage.PRODUCTION}, as DESIGN.md asks). */
    static PendingInjector start(List<Module> modules) {
        List<Module> copy = List.copyOf(requireNonNull(modules, "modules is null"));
        FutureTask<Injector> building = new FutureTask<>(() -> Guice.createInjector(Stage.PRODUCTION, copy));
        Thread thread = new Thread(building, "injector");
        thread.setDaemon(true);
        thread.start();
        return new PendingInjector(building);
    }

    /** The injector, once built; what building it threw (a CreationException, say), unchanged. */
    Injector get() {
        try {
            return building.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the injector was being built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("building the injector failed: " + e.getCause(), e.getCause());
        }
    }
}
