package org.asimov.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

import org.asimov.core.concurrency.BackgroundTask;

/**
 * The injector, built on a thread of its own while {@code main} builds the command line.
 *
 * <p>Both are cold-JVM work of tens of milliseconds: Guice's own start-up (java.util.logging,
 * its caches, the annotations it checks) and picocli's reflection over the commands. picocli
 * asks for a command's instance only when it needs one (a command with a mixin, or the parse),
 * so most of its work runs beside Guice's instead of after it.
 */
final class PendingInjector {
    private final BackgroundTask<Injector> building;

    private PendingInjector(BackgroundTask<Injector> building) {
        this.building = building;
    }

    /** Starts building the injector of {@code modules} ({@code Stage.PRODUCTION}, as DESIGN.md asks). */
    static PendingInjector start(List<Module> modules) {
        List<Module> copy = List.copyOf(requireNonNull(modules, "modules is null"));
        return new PendingInjector(BackgroundTask.start("injector", "building the injector",
                () -> Guice.createInjector(Stage.PRODUCTION, copy)));
    }

    /** The injector, once built; what building it threw (a CreationException, say), unchanged. */
    Injector get() {
        return building.join();
    }
}
