package org.asimov.capture.pip;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.asimov.core.environment.PackageRecord;

/**
 * The native pip freeze of one environment.
 *
 * @param text     exactly what {@code python -m pip freeze} prints
 * @param packages one pip record per printed requirement, in the same order
 * @param warnings what was skipped or could not be read
 * @param rules    the pip rules that were applied
 */
public record FreezeResult(String text, List<PackageRecord> packages, List<String> warnings, PipRules rules) {
    public FreezeResult {
        requireNonNull(text, "text is null");
        packages = List.copyOf(requireNonNull(packages, "packages is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        requireNonNull(rules, "rules is null");
    }
}
