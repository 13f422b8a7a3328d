package org.asimov.capture.conda;

import java.nio.file.Path;
import java.util.Optional;

/** The exporter to bind until a conda reader is wired in: it reads nothing. */
public final class UnavailableCondaExporter implements CondaExporter {
    @Override
    public Optional<CondaExport> export(Path prefix) {
        return Optional.empty();
    }
}
