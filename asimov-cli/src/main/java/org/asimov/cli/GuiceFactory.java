package org.asimov.cli;

import static java.util.Objects.requireNonNull;

import java.util.Set;

import picocli.CommandLine;

/**
 * Lets picocli create commands through Guice, so they get constructor injection. Everything
 * else picocli creates (mixins, argument groups, the version provider) has no dependencies and
 * comes from picocli's own factory, without waiting for the injector: picocli creates the
 * version provider while it is still reflecting over the root command, long before Guice is
 * done (see {@link PendingInjector}).
 */
final class GuiceFactory implements CommandLine.IFactory {
    private final PendingInjector injector;
    private final Set<Class<?>> commands;

    /** @param commands the command classes the injector binds */
    GuiceFactory(PendingInjector injector, Set<Class<?>> commands) {
        this.injector = requireNonNull(injector, "injector is null");
        this.commands = Set.copyOf(requireNonNull(commands, "commands is null"));
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (commands.contains(type)) {
            return injector.get().getInstance(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}
