package org.asimov.capture.conda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The conda records that depend on {@code python}, directly or through other records: conda's
 * {@code PrefixGraph(records).all_descendants(python_record)}. Only their files count as
 * owning a site-packages distribution ({@code load_site_packages} passes exactly these to
 * {@code get_conda_anchor_files_and_records}).
 *
 * <p>conda draws an edge where a {@code depends} spec matches an installed record: by name, and
 * by version as far as {@link DependencySpec} reads it. In an environment conda solved every
 * dependency matches; in one forced into inconsistency (say {@code --no-deps} over a package
 * built for another Python) the edge is missing and the package's distribution is listed as a
 * pip one, as conda lists it.
 */
public final class PythonDependents {
    /** The records that (transitively) depend on {@code python}, in {@code records}' order. */
    public List<CondaMetaRecord> of(CondaMetaRecord python, Collection<CondaMetaRecord> records) {
        Map<String, List<CondaMetaRecord>> byName = new HashMap<>();
        for (CondaMetaRecord record : records) {
            byName.computeIfAbsent(record.name(), k -> new ArrayList<>()).add(record);
        }
        Map<CondaMetaRecord, Set<CondaMetaRecord>> dependents = new HashMap<>();
        for (CondaMetaRecord record : records) {
            for (String depends : record.depends()) {
                DependencySpec spec = DependencySpec.parse(depends);
                if (spec.name().isEmpty()) {
                    continue;
                }
                Collection<CondaMetaRecord> candidates = spec.name().indexOf('*') >= 0
                        ? globMatches(spec.name(), records)
                        : byName.getOrDefault(spec.name(), List.of());
                for (CondaMetaRecord candidate : candidates) {
                    if (spec.acceptsVersion(candidate.version())) {
                        dependents.computeIfAbsent(candidate, k -> new LinkedHashSet<>()).add(record);
                    }
                }
            }
        }
        Set<CondaMetaRecord> seen = new HashSet<>();
        Deque<CondaMetaRecord> queue = new ArrayDeque<>(List.of(python));
        while (!queue.isEmpty()) {
            for (CondaMetaRecord dependent : dependents.getOrDefault(queue.removeFirst(), Set.of())) {
                if (seen.add(dependent)) {
                    queue.addLast(dependent);
                }
            }
        }
        List<CondaMetaRecord> result = new ArrayList<>();
        for (CondaMetaRecord record : records) {
            if (seen.contains(record)) {
                result.add(record);
            }
        }
        return result;
    }

    private static List<CondaMetaRecord> globMatches(String name, Collection<CondaMetaRecord> records) {
        StringBuilder regex = new StringBuilder();
        String[] parts = name.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        Pattern glob = Pattern.compile(regex.toString());
        return records.stream().filter(r -> glob.matcher(r.name()).matches()).toList();
    }
}
