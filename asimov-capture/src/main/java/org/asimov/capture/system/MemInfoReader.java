package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

/** Total memory from {@code /proc/meminfo}'s {@code MemTotal}, which the kernel gives in KiB. */
public final class MemInfoReader {
    private final HostFiles files;

    public MemInfoReader(HostFiles files) {
        this.files = requireNonNull(files, "files is null");
    }

    /** Bytes; 0 when unknown. */
    public long totalBytes() {
        String text = files.read("/proc/meminfo").orElse("");
        for (String line : text.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
