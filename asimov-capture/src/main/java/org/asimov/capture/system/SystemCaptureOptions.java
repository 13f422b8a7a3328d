package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Objects;

/**
 * What the user allowed the system capture to record, and the environment it describes.
 *
 * @param includeHost        record the host name ({@code --include-host}); off by default, since a
 *                           run directory may be shared beyond the machine's owners
 * @param includeEnvironment record the environment variables, secrets redacted ({@code --include-env})
 * @param environment        the variables of the environment being captured: the one the interpreter
 *                           probe ran in. Its {@code LD_LIBRARY_PATH} takes part in library resolution,
 *                           its {@code PATH} finds {@code nvidia-smi}, and container variables are read
 *                           from it.
 */
public record SystemCaptureOptions(boolean includeHost, boolean includeEnvironment, Map<String, String> environment) {
    public SystemCaptureOptions {
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    // equals and hashCode written out, as CaptureTarget's are: env capture's main thread compares
    // options once, cold, and a record's own bootstrap method handles on first use
    @Override
    public boolean equals(Object other) {
        return other instanceof SystemCaptureOptions that && includeHost == that.includeHost
                && includeEnvironment == that.includeEnvironment && environment.equals(that.environment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(includeHost, includeEnvironment, environment);
    }

    /** Nothing optional recorded, this process's environment. */
    public static SystemCaptureOptions defaults() {
        return new SystemCaptureOptions(false, false, System.getenv());
    }
}
