package org.asimov.core.environment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one short run of the target interpreter tells about itself.
 *
 * @param sysVersion     {@code sys.version}, verbatim (asimov's {@code python_version})
 * @param version        {@code platform.python_version()}, e.g. {@code 3.11.7}
 * @param implementation {@code sys.implementation.name}, e.g. {@code cpython}
 * @param executable     {@code sys.executable}
 * @param prefix         {@code sys.prefix}
 * @param basePrefix     {@code sys.base_prefix}
 * @param sysPath        {@code sys.path} in order, as the interpreter sees it at start-up
 * @param platform       {@code sysconfig.get_platform()}, e.g. {@code linux-x86_64}
 */
public record InterpreterInfo(
        String sysVersion,
        String version,
        String implementation,
        String executable,
        String prefix,
        String basePrefix,
        List<String> sysPath,
        String platform) {
    public InterpreterInfo {
        requireNonNull(sysVersion, "sysVersion is null");
        requireNonNull(version, "version is null");
        requireNonNull(implementation, "implementation is null");
        requireNonNull(executable, "executable is null");
        requireNonNull(prefix, "prefix is null");
        requireNonNull(basePrefix, "basePrefix is null");
        sysPath = List.copyOf(requireNonNull(sysPath, "sysPath is null"));
        requireNonNull(platform, "platform is null");
    }

    /** Major and minor version as a pair, e.g. {@code [3, 11]}. */
    public int[] majorMinor() {
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
    }
}
