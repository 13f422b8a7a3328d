package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

/**
 * One GPU as its driver reports it.
 *
 * @param name          e.g. {@code NVIDIA A100-SXM4-40GB}
 * @param driverVersion e.g. {@code 535.104.05}
 * @param memory        total memory as the driver prints it (e.g. {@code 40960 MiB}); {@code null} when not given
 */
public record Gpu(String name, String driverVersion, String memory) {
    public Gpu {
        requireNonNull(name, "name is null");
        requireNonNull(driverVersion, "driverVersion is null");
    }
}
