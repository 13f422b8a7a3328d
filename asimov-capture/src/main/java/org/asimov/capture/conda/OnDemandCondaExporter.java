package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The standard {@link CondaMetaExporter}, built the first time a conda prefix is exported. Most
 * captures are of a venv or a system Python, and building the exporter's parts (their regular
 * expressions, their loggers' start-up) costs a cold process milliseconds it then never uses.
 */
public final class OnDemandCondaExporter implements CondaExporter {
    private CondaExporter exporter;

    @Override
    public Optional<CondaExport> export(Path prefix) {
        requireNonNull(prefix, "prefix is null");
        if (!CondaExporter.isCondaPrefix(prefix)) {
            return Optional.empty();
        }
        return exporter().export(prefix);
    }

    private synchronized CondaExporter exporter() {
        if (exporter == null) {
            exporter = CondaMetaExporter.standard();
        }
        return exporter;
    }
}
