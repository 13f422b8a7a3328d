package org.asimov.core.environment;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What differs between two captured environments: the interpreter (type, Python version,
 * implementation, platform) and, per package manager, the packages added, removed and changed
 * (version, build, source or editable flag) going from {@code a} to {@code b}. Packages are
 * matched by manager and canonical name, as pip matches them.
 */
public record EnvironmentDiff(List<FieldChange> interpreter, Map<String, ManagerDiff> managers) {
    public EnvironmentDiff {
        interpreter = List.copyOf(requireNonNull(interpreter, "interpreter is null"));
        managers = Map.copyOf(requireNonNull(managers, "managers is null"));
    }

    /** One interpreter property that differs; {@code null} where a side did not record it. */
    public record FieldChange(String field, String a, String b) {
        public FieldChange {
            requireNonNull(field, "field is null");
        }
    }

    /** One package present on both sides in different forms. */
    public record PackageChange(PackageRecord a, PackageRecord b) {
        public PackageChange {
            requireNonNull(a, "a is null");
            requireNonNull(b, "b is null");
        }
    }

    /** The differences of one manager's packages, each list in canonical-name order. */
    public record ManagerDiff(List<PackageRecord> added, List<PackageRecord> removed, List<PackageChange> changed) {
        public ManagerDiff {
            added = List.copyOf(requireNonNull(added, "added is null"));
            removed = List.copyOf(requireNonNull(removed, "removed is null"));
            changed = List.copyOf(requireNonNull(changed, "changed is null"));
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public boolean identical() {
        return interpreter.isEmpty() && managers.values().stream().allMatch(ManagerDiff::isEmpty);
    }

    public static EnvironmentDiff between(CapturedEnvironment a, CapturedEnvironment b) {
        requireNonNull(a, "a is null");
        requireNonNull(b, "b is null");
        List<FieldChange> interpreter = new ArrayList<>();
        compare(interpreter, "environment_type", a, b, e -> e.type().key());
        compare(interpreter, "python_version", a, b, CapturedEnvironment::pythonVersion);
        compare(interpreter, "implementation", a, b, CapturedEnvironment::implementation);
        compare(interpreter, "platform", a, b, CapturedEnvironment::platform);

        Map<String, Map<String, PackageRecord>> left = byManager(a.packages());
        Map<String, Map<String, PackageRecord>> right = byManager(b.packages());
        Map<String, ManagerDiff> managers = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(left.keySet());
        names.addAll(right.keySet());
        for (String manager : names) {
            managers.put(manager, diff(left.getOrDefault(manager, Map.of()), right.getOrDefault(manager, Map.of())));
        }
        return new EnvironmentDiff(interpreter, managers);
    }

    private static void compare(List<FieldChange> changes, String field, CapturedEnvironment a, CapturedEnvironment b,
            Function<CapturedEnvironment, String> property) {
        String left = property.apply(a);
        String right = property.apply(b);
        if (!Objects.equals(left, right)) {
            changes.add(new FieldChange(field, left, right));
        }
    }

    private static Map<String, Map<String, PackageRecord>> byManager(List<PackageRecord> packages) {
        Map<String, Map<String, PackageRecord>> byManager = new TreeMap<>();
        for (PackageRecord record : packages) {
            byManager.computeIfAbsent(record.manager(), m -> new TreeMap<>())
                    .putIfAbsent(PackageNames.canonical(record.name()), record);
        }
        return byManager;
    }

    private static ManagerDiff diff(Map<String, PackageRecord> a, Map<String, PackageRecord> b) {
        List<PackageRecord> added = new ArrayList<>();
        List<PackageRecord> removed = new ArrayList<>();
        List<PackageChange> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            PackageRecord left = a.get(name);
            PackageRecord right = b.get(name);
            if (left == null) {
                added.add(right);
            } else if (right == null) {
                removed.add(left);
            } else if (!sameInstall(left, right)) {
                changed.add(new PackageChange(left, right));
            }
        }
        return new ManagerDiff(added, removed, changed);
    }

    /** The raw spelling of a name is not a difference; what was installed is. */
    private static boolean sameInstall(PackageRecord a, PackageRecord b) {
        return a.version().equals(b.version()) && Objects.equals(a.build(), b.build())
                && Objects.equals(a.sourceUrl(), b.sourceUrl()) && a.editable() == b.editable();
    }
}
