package org.asimov.cli;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Set;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
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
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    EnvironmentTargets environmentTargets() {
        return new EnvironmentTargets(System.getenv());
    }
}
