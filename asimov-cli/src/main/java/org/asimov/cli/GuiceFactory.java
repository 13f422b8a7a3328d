package org.asimov.cli;

import static java.util.Objects.requireNonNull;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;

import picocli.CommandLine;

/**
 * Lets picocli create commands through Guice, so they get constructor injection; classes
 * picocli makes for itself (converters, version providers) fall back to its default factory.
 */
final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = requireNonNull(injector, "injector is null");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException notBound) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
