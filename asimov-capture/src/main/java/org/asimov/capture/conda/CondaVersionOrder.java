package org.asimov.capture.conda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * conda's {@code VersionOrder} ({@code models/version.py}): versions split into epoch, release
 * and local parts, components at {@code .} and {@code _}, runs of digits and letters inside a
 * component; numbers compare numerically, strings below numbers, {@code dev} below every other
 * string, {@code post} above everything, missing parts as 0 ({@code 1.1 == 1.1.0}).
 */
final class CondaVersionOrder implements Comparable<CondaVersionOrder> {
    private static final Pattern VALID = Pattern.compile("^[*.+!_0-9a-z]+$");
    private static final Pattern PART = Pattern.compile("([0-9]+|[*]+|[^0-9*]+)");
    /** conda's {@code fillvalue}. */
    private static final Object ZERO = 0L;
    /** conda turns {@code post} into {@code float("inf")}. */
    private static final Object POST = Double.POSITIVE_INFINITY;
    /** conda turns {@code dev} into {@code "DEV"}, which sorts below lower-case strings. */
    private static final String DEV = "DEV";

    private final List<List<Object>> version;
    private final List<List<Object>> local;

    private CondaVersionOrder(List<List<Object>> version, List<List<Object>> local) {
        this.version = version;
        this.local = local;
    }

    /** The parsed version, {@code null} where conda would raise {@code InvalidVersionSpec}. */
    static CondaVersionOrder parse(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if (!VALID.matcher(v).matches() && v.contains("-") && !v.contains("_")) {
            v = v.replace('-', '_');
        }
        if (!VALID.matcher(v).matches()) {
            return null;
        }
        String[] epochSplit = v.split("!", -1);
        if (epochSplit.length > 2 || (epochSplit.length == 2 && !epochSplit[0].matches("[0-9]+"))) {
            return null;
        }
        String epoch = epochSplit.length == 2 ? epochSplit[0] : "0";
        String[] localSplit = epochSplit[epochSplit.length - 1].split("\\+", -1);
        if (localSplit.length > 2 || localSplit[0].isEmpty()) {
            return null;
        }
        List<String> localParts = localSplit.length == 2 ? List.of(localSplit[1].replace('_', '.').split("\\.", -1))
                : List.of();
        String release = localSplit[0];
        List<String> releaseParts = new ArrayList<>();
        releaseParts.add(epoch);
        if (release.endsWith("_")) {
            String[] parts = release.substring(0, release.length() - 1).replace('_', '.').split("\\.", -1);
            parts[parts.length - 1] += "_";
            releaseParts.addAll(List.of(parts));
        } else {
            releaseParts.addAll(List.of(release.replace('_', '.').split("\\.", -1)));
        }
        List<List<Object>> versionComponents = components(releaseParts);
        List<List<Object>> localComponents = components(localParts);
        if (versionComponents == null || localComponents == null) {
            return null;
        }
        return new CondaVersionOrder(versionComponents, localComponents);
    }

    private static List<List<Object>> components(List<String> parts) {
        List<List<Object>> result = new ArrayList<>();
        for (String part : parts) {
            List<Object> component = new ArrayList<>();
            Matcher m = PART.matcher(part);
            while (m.find()) {
                String sub = m.group();
                if (Character.isDigit(sub.charAt(0))) {
                    if (sub.length() > 18) {
                        return null; // beyond long; such versions are not worth a guess
                    }
                    component.add(Long.parseLong(sub));
                } else if (sub.equals("post")) {
                    component.add(POST);
                } else if (sub.equals("dev")) {
                    component.add(DEV);
                } else {
                    component.add(sub);
                }
            }
            if (component.isEmpty()) {
                return null; // "empty version component"
            }
            if (!Character.isDigit(part.charAt(0))) {
                component.add(0, ZERO);
            }
            result.add(component);
        }
        return result;
    }

    @Override
    public int compareTo(CondaVersionOrder other) {
        int c = compare(version, other.version);
        return c != 0 ? c : compare(local, other.local);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CondaVersionOrder other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return 0; // equality ignores trailing zeros; no cheap consistent hash is needed here
    }

    private static int compare(List<List<Object>> a, List<List<Object>> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            List<Object> ca = i < a.size() ? a.get(i) : List.of();
            List<Object> cb = i < b.size() ? b.get(i) : List.of();
            for (int j = 0; j < Math.max(ca.size(), cb.size()); j++) {
                int c = compareSub(j < ca.size() ? ca.get(j) : ZERO, j < cb.size() ? cb.get(j) : ZERO);
                if (c != 0) {
                    return c;
                }
            }
        }
        return 0;
    }

    private static int compareSub(Object x, Object y) {
        boolean xs = x instanceof String;
        boolean ys = y instanceof String;
        if (xs && ys) {
            return Integer.signum(PythonText.CODE_POINT_ORDER.compare((String) x, (String) y));
        }
        if (xs) {
            return -1;
        }
        if (ys) {
            return 1;
        }
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
    }
}
