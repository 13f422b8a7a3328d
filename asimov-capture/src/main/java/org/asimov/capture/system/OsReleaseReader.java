package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import org.asimov.core.system.OsRelease;

/** {@code /etc/os-release}, falling back to {@code /usr/lib/os-release} as os-release(5) says. */
public final class OsReleaseReader {
    private final HostFiles files;

    public OsReleaseReader(HostFiles files) {
        this.files = requireNonNull(files, "files is null");
    }

    public OsRelease read() {
        return files.read("/etc/os-release")
                .or(() -> files.read("/usr/lib/os-release"))
                .map(KeyValueFile::parse)
                .map(OsReleaseReader::of)
                .orElse(OsRelease.UNKNOWN);
    }

    private static OsRelease of(Map<String, String> values) {
        return new OsRelease(values.get("ID"), values.get("NAME"), values.get("VERSION_ID"), values.get("PRETTY_NAME"));
    }
}
