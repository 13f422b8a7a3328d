package org.asimov.capture.pip;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * The order of {@code packaging.version.parse} results (packaging 21.3, vendored by pip 23.0):
 * every legacy version sorts before every PEP 440 version. PEP 440 versions compare by epoch
 * and release (trailing zeros ignored), then by normalised text; legacy versions by text.
 * pkg_resources uses it only to order metadata directories within one {@code sys.path} entry,
 * which matters only when one directory holds two metadata directories of the same project.
 */
final class LegacyOrder {
    static final Comparator<String> VERSION = LegacyOrder::compareVersions;

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
        String na = Pep440Version.normalize(a).orElse(null);
        String nb = Pep440Version.normalize(b).orElse(null);
        if (na == null || nb == null) {
            if (na != null) {
                return 1;
            }
            if (nb != null) {
                return -1;
            }
            return a.toLowerCase(java.util.Locale.ROOT).compareTo(b.toLowerCase(java.util.Locale.ROOT));
        }
        int c = compareRelease(na, nb);
        return c != 0 ? c : na.compareTo(nb);
    }

    private static int compareRelease(String a, String b) {
        int c = epoch(a).compareTo(epoch(b));
        if (c != 0) {
            return c;
        }
        List<BigInteger> ra = release(a);
        List<BigInteger> rb = release(b);
        for (int i = 0; i < Math.max(ra.size(), rb.size()); i++) {
            BigInteger x = i < ra.size() ? ra.get(i) : BigInteger.ZERO;
            BigInteger y = i < rb.size() ? rb.get(i) : BigInteger.ZERO;
            c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static BigInteger epoch(String normalized) {
        int bang = normalized.indexOf('!');
        return bang < 0 ? BigInteger.ZERO : new BigInteger(normalized.substring(0, bang));
    }

    private static List<BigInteger> release(String normalized) {
        int start = normalized.indexOf('!') + 1;
        int end = start;
        while (end < normalized.length() && (Character.isDigit(normalized.charAt(end)) || normalized.charAt(end) == '.')) {
            end++;
        }
        String release = normalized.substring(start, end);
        if (release.endsWith(".")) {
            release = release.substring(0, release.length() - 1);
        }
        return release.chars().allMatch(ch -> ch == '.') ? List.of()
                : java.util.Arrays.stream(release.split("\\.")).filter(s -> !s.isEmpty()).map(BigInteger::new).toList();
    }
}
