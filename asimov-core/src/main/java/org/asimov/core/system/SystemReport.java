package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a capture learnt beyond Python: the machine, the shared libraries compiled extensions
 * load and their owners, the container, and (only when asked) the environment variables.
 *
 * @param system        the machine
 * @param libraries     shared libraries and their owners
 * @param container     the container, {@link ContainerInfo#NONE} outside one
 * @param variables     environment variables with secrets redacted; {@code null} unless asked for
 * @param warnings      what could not be read, for the record
 * @param timingsMillis how long each part took
 */
public record SystemReport(
        SystemInfo system,
        LibraryReport libraries,
        ContainerInfo container,
        SortedMap<String, String> variables,
        List<String> warnings,
        Map<String, Long> timingsMillis) {
    public SystemReport {
        requireNonNull(system, "system is null");
        requireNonNull(libraries, "libraries is null");
        requireNonNull(container, "container is null");
        if (variables != null) {
            variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        }
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        timingsMillis = Map.copyOf(requireNonNull(timingsMillis, "timingsMillis is null"));
    }
}
