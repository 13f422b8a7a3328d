package org.asimov.capture.pip;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The order of {@code packaging.version.parse} results as packaging 21.3 (vendored in pip 23.0
 * for its pkg_resources) defines it: a {@code Version} by its {@code _cmpkey}, a
 * {@code LegacyVersion} by setuptools' old {@code _legacy_cmpkey}, every legacy version before
 * every PEP 440 version. pkg_resources uses it to order the metadata directories within one
 * {@code sys.path} entry, which decides which of two copies of a project wins.
 */
final class LegacyOrder {
    static final Comparator<String> VERSION = LegacyOrder::compareVersions;

    /** {@code _by_version_descending}'s key comparison: lists of parsed parts, element by element. */
    static final Comparator<List<String>> PARTS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = VERSION.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private LegacyOrder() {
    }

    private static int compareVersions(String a, String b) {
        Optional<Pep440Version> va = Pep440Version.parse(a);
        Optional<Pep440Version> vb = Pep440Version.parse(b);
        if (va.isPresent() && vb.isPresent()) {
            return comparePep440(va.get(), vb.get());
        }
        if (va.isPresent() || vb.isPresent()) {
            return va.isPresent() ? 1 : -1; // legacy has epoch -1
        }
        return compareLists(legacyKey(a), legacyKey(b), String::compareTo);
    }

    /** packaging 21.3's {@code _cmpkey}, compared. */
    static int comparePep440(Pep440Version a, Pep440Version b) {
        int c = a.epoch().compareTo(b.epoch());
        if (c != 0) {
            return c;
        }
        c = compareLists(trimTrailingZeros(a.release()), trimTrailingZeros(b.release()), BigInteger::compareTo);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(a), preRank(b));
        if (c == 0 && a.preLetter() != null) {
            c = a.preLetter().compareTo(b.preLetter());
            if (c == 0) {
                c = a.preNumber().compareTo(b.preNumber());
            }
        }
        if (c != 0) {
            return c;
        }
        c = compareOptional(a.post(), b.post(), -1); // no post release sorts first
        if (c != 0) {
            return c;
        }
        c = compareOptional(a.dev(), b.dev(), 1); // no dev release sorts last
        if (c != 0) {
            return c;
        }
        if (a.local() == null || b.local() == null) {
            return a.local() == null ? (b.local() == null ? 0 : -1) : 1;
        }
        return compareLists(a.local(), b.local(), LegacyOrder::compareLocalSegment);
    }

    /** {@code _pre}: a dev-only release before any pre-release, a final release after all of them. */
    private static int preRank(Pep440Version v) {
        if (v.preLetter() == null && v.post() == null && v.dev() != null) {
            return -1;
        }
        return v.preLetter() == null ? 1 : 0;
    }

    /** {@code absent} is where a missing value sorts: -1 before every number, 1 after. */
    private static int compareOptional(BigInteger a, BigInteger b, int absent) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : absent) : -absent;
        }
        return a.compareTo(b);
    }

    /** Numeric segments as {@code (n, "")}, others as {@code (-inf, s)}: numbers after words. */
    private static int compareLocalSegment(String a, String b) {
        boolean na = Pep440Version.isAsciiDigits(a);
        boolean nb = Pep440Version.isAsciiDigits(b);
        if (na && nb) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (na != nb) {
            return na ? 1 : -1;
        }
        return a.compareTo(b);
    }

    private static List<BigInteger> trimTrailingZeros(List<BigInteger> release) {
        int end = release.size();
        while (end > 0 && release.get(end - 1).signum() == 0) {
            end--;
        }
        return release.subList(0, end);
    }

    private static <T> int compareLists(List<T> a, List<T> b, Comparator<? super T> order) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = order.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** packaging 21.3's {@code _legacy_cmpkey} parts. */
    static List<String> legacyKey(String version) {
        List<String> parts = new ArrayList<>();
        for (String part : legacyParts(version.toLowerCase(Locale.ROOT))) {
            if (part.startsWith("*")) {
                if (part.compareTo("*final") < 0) {
                    while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("*final-")) {
                        parts.remove(parts.size() - 1);
                    }
                }
                while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) {
                    parts.remove(parts.size() - 1);
                }
            }
            parts.add(part);
        }
        return parts;
    }

    /** {@code _parse_version_parts}: split on digit runs, letter runs, {@code .} and {@code -}, keeping the rest. */
    private static List<String> legacyParts(String s) {
        List<String> raw = new ArrayList<>();
        int i = 0;
        StringBuilder between = new StringBuilder();
        while (i < s.length()) {
            int end = tokenEnd(s, i);
            if (end == i) {
                between.append(s.charAt(i++));
                continue;
            }
            if (between.length() > 0) {
                raw.add(between.toString());
                between.setLength(0);
            }
            raw.add(s.substring(i, end));
            i = end;
        }
        if (between.length() > 0) {
            raw.add(between.toString());
        }
        List<String> parts = new ArrayList<>();
        for (String part : raw) {
            String replaced = switch (part) {
                case "pre", "preview", "rc" -> "c";
                case "-" -> "final-";
                case "dev" -> "@";
                default -> part;
            };
            if (replaced.isEmpty() || replaced.equals(".")) {
                continue;
            }
            char first = replaced.charAt(0);
            if (first >= '0' && first <= '9') {
                parts.add(replaced.length() >= 8 ? replaced : "0".repeat(8 - replaced.length()) + replaced);
            } else {
                parts.add("*" + replaced);
            }
        }
        parts.add("*final");
        return parts;
    }

    /** End of the token at {@code i} ({@code \d+ | [a-z]+ | \. | -}), or {@code i} when none starts there. */
    private static int tokenEnd(String s, int i) {
        char c = s.charAt(i);
        if (c == '.' || c == '-') {
            return i + 1;
        }
        int j = i;
        if (Character.isDigit(c)) {
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
        } else if (c >= 'a' && c <= 'z') {
            while (j < s.length() && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
                j++;
            }
        }
        return j;
    }
}
