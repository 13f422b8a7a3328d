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
 * <p>conda draws an edge where a {@code depends} spec matches an installed record. Here the
 * spec's package name decides, not its version and build constraints: in an environment conda
 * solved, every installed dependency satisfies them. Only an environment made inconsistent by
 * force (e.g. {@code --no-deps} over an incompatible version) could differ.
 */
public final class PythonDependents {
    private static final Pattern NAME_END = Pattern.compile("[\\s=<>!~,|]");

    /** The records that (transitively) depend on {@code python}, in {@code records}' order. */
    public List<CondaMetaRecord> of(CondaMetaRecord python, Collection<CondaMetaRecord> records) {
        Map<String, Set<CondaMetaRecord>> dependentsByName = new HashMap<>();
        for (CondaMetaRecord record : records) {
            for (String spec : record.depends()) {
                String name = dependencyName(spec);
                if (name.isEmpty()) {
                    continue;
                }
                if (name.indexOf('*') >= 0) {
                    Pattern glob = glob(name);
                    for (CondaMetaRecord candidate : records) {
                        if (glob.matcher(candidate.name()).matches()) {
                            dependentsByName.computeIfAbsent(candidate.name(), k -> new LinkedHashSet<>()).add(record);
                        }
                    }
                } else {
                    dependentsByName.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(record);
                }
            }
        }
        Set<CondaMetaRecord> seen = new HashSet<>();
        Deque<CondaMetaRecord> queue = new ArrayDeque<>(List.of(python));
        while (!queue.isEmpty()) {
            CondaMetaRecord node = queue.removeFirst();
            for (CondaMetaRecord dependent : dependentsByName.getOrDefault(node.name(), Set.of())) {
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

    /**
     * The package name of a MatchSpec string: {@code python >=3.11}, {@code python=3.11},
     * {@code conda-forge::python}, {@code python[version='>=3']} all name {@code python}.
     */
    static String dependencyName(String spec) {
        String s = spec.strip();
        int bracket = s.indexOf('[');
        if (bracket >= 0) {
            s = s.substring(0, bracket);
        }
        int channel = s.lastIndexOf("::");
        if (channel >= 0) {
            s = s.substring(channel + 2);
        }
        var end = NAME_END.matcher(s);
        return end.find() ? s.substring(0, end.start()) : s;
    }

    private static Pattern glob(String name) {
        StringBuilder regex = new StringBuilder();
        for (String part : name.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
