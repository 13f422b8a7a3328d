package org.asimov.cli;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Set;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

import org.asimov.core.lifecycle.EnvironmentTargets;

/** The commands a run builds, and what every command shares. */
public final class CliModule extends AbstractModule {
    private final Set<Class<?>> commands;

    /** @param commands the command classes the run's {@link CommandTree} creates */
    public CliModule(Set<Class<?>> commands) {
        this.commands = Set.copyOf(requireNonNull(commands, "commands is null"));
    }

    @Override
    protected void configure() {
        bind(ProjectLocator.class).in(Singleton.class);
        commands.forEach(this::bind);
        // instances, not @Provides methods: Guice finds those by reflecting over the module's
        // methods and their annotations, cold, on every run
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(EnvironmentTargets.class).toInstance(new EnvironmentTargets(System.getenv()));
    }
}
