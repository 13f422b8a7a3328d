package org.asimov.capture.conda;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a conda prefix without conda. The seam between the Python capture and the conda reader:
 * {@link org.asimov.capture.PythonEnvironmentCapture} asks it for every conda prefix.
 */
public interface CondaExporter {
    /** The export of {@code prefix}, or empty when this exporter cannot read it. Never modifies the prefix. */
    Optional<CondaExport> export(Path prefix);
}
