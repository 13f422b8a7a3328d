package org.asimov.core.environment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A captured software environment: everything that goes into environment.json,
 * environment-pip.txt and environment-conda.txt.
 *
 * @param timestamp    when the capture was taken
 * @param type         conda, virtualenv or system
 * @param interpreter  the interpreter's own account of itself
 * @param condaEnvName conda's name for the environment; {@code null} unless conda
 * @param pipFreeze    exactly what {@code python -m pip freeze} prints in that environment
 * @param condaExport  exactly what {@code conda list --export} prints; {@code null} unless conda
 * @param packages     the installed packages as records, for queries and comparisons
 * @param fingerprint  SHA-256 (hex) over what makes the environment what it is, see {@link Fingerprint}
 * @param warnings     things the capture skipped or could not read, for the record
 * @param timingsMillis how long each step of the capture took, in milliseconds
 * @param condaSubdirs the platform subdir of each conda record by name ({@code linux-64}, or
 *                     {@code noarch} for noarch packages), which the export text does not say;
 *                     empty unless conda
 */
public record EnvironmentSnapshot(
        Instant timestamp,
        EnvironmentType type,
        InterpreterInfo interpreter,
        String condaEnvName,
        String pipFreeze,
        String condaExport,
        List<PackageRecord> packages,
        String fingerprint,
        List<String> warnings,
        Map<String, Long> timingsMillis,
        Map<String, String> condaSubdirs) {
    public EnvironmentSnapshot {
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(type, "type is null");
        requireNonNull(interpreter, "interpreter is null");
        requireNonNull(pipFreeze, "pipFreeze is null");
        packages = List.copyOf(requireNonNull(packages, "packages is null"));
        requireNonNull(fingerprint, "fingerprint is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        timingsMillis = Map.copyOf(requireNonNull(timingsMillis, "timingsMillis is null"));
        condaSubdirs = Map.copyOf(requireNonNull(condaSubdirs, "condaSubdirs is null"));
        if (type == EnvironmentType.CONDA && condaExport == null) {
            throw new IllegalArgumentException("a conda environment needs its conda export");
        }
    }

    /** A snapshot whose conda records' subdirs are not known. */
    public EnvironmentSnapshot(Instant timestamp, EnvironmentType type, InterpreterInfo interpreter, String condaEnvName,
            String pipFreeze, String condaExport, List<PackageRecord> packages, String fingerprint, List<String> warnings,
            Map<String, Long> timingsMillis) {
        this(timestamp, type, interpreter, condaEnvName, pipFreeze, condaExport, packages, fingerprint, warnings,
                timingsMillis, Map.of());
    }

    public boolean isConda() {
        return type == EnvironmentType.CONDA;
    }

    public long countPackages(String manager) {
        return packages.stream().filter(p -> p.manager().equals(manager)).count();
    }
}
