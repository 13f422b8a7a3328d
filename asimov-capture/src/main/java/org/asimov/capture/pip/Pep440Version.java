package org.asimov.capture.pip;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version parsed and normalised exactly as {@code packaging.version.Version} does it
 * (the packaging that pip vendors: 21.3 in pip 23.x, 24.x in pip 24.x; both print valid versions
 * alike). A version that does not parse is "legacy": pip freeze prints it as {@code Name===raw}.
 *
 * @param epoch      the epoch, 0 when absent
 * @param release    the release numbers
 * @param preLetter  {@code a}, {@code b} or {@code rc}; {@code null} when not a pre-release
 * @param preNumber  the pre-release number
 * @param post       the post-release number, {@code null} when absent
 * @param dev        the development release number, {@code null} when absent
 * @param local      the local segments (lower case; digits-only segments without leading zeros), {@code null} when absent
 */
public record Pep440Version(
        BigInteger epoch,
        List<BigInteger> release,
        String preLetter,
        BigInteger preNumber,
        BigInteger post,
        BigInteger dev,
        List<String> local) {
    // packaging's VERSION_PATTERN, compiled with re.VERBOSE | re.IGNORECASE. Python's \s and
    // IGNORECASE are Unicode-aware on str patterns, hence the Unicode flags here.
    private static final Pattern VERSION = Pattern.compile(
            "^\\s*v?"
                    + "(?:(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?)"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?"
                    + "\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    public Pep440Version {
        release = List.copyOf(release);
        local = local == null ? null : List.copyOf(local);
    }

    /** The version {@code raw} stands for, or empty when it is not a PEP 440 version. */
    public static Optional<Pep440Version> parse(String raw) {
        Matcher m = VERSION.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        String preLetter = m.group("prel") == null ? null : preLetter(m.group("prel").toLowerCase(Locale.ROOT));
        String postNumber = m.group("postn1") != null ? m.group("postn1") : m.group("postn2");
        BigInteger post = m.group("postl") != null || postNumber != null ? numberOrZero(postNumber) : null;
        BigInteger dev = m.group("devl") != null ? numberOrZero(m.group("devn")) : null;
        return Optional.of(new Pep440Version(
                m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch")),
                release,
                preLetter,
                preLetter == null ? null : numberOrZero(m.group("pren")),
                post,
                dev,
                m.group("local") == null ? null : localSegments(m.group("local"))));
    }

    /** The normalised form of {@code raw}, or empty when {@code raw} is not a PEP 440 version. */
    public static Optional<String> normalize(String raw) {
        if (isNormalRelease(raw)) {
            // most installed versions: the regex (run cold, once per distribution) would only say so
            return Optional.of(raw);
        }
        return parse(raw).map(Pep440Version::toString);
    }

    /** Whether {@code raw} is a bare release ({@code 1.26.4}) already in normal form: no leading zeros. */
    static boolean isNormalRelease(String raw) {
        boolean atNumberStart = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                if (atNumberStart) {
                    return false;
                }
                atNumberStart = true;
            } else if (c >= '0' && c <= '9') {
                boolean leadingZero = atNumberStart && c == '0' && i + 1 < raw.length() && raw.charAt(i + 1) != '.';
                if (leadingZero) {
                    return false;
                }
                atNumberStart = false;
            } else {
                return false;
            }
        }
        return !atNumberStart;
    }

    /** packaging's {@code Version.__str__}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(16);
        if (epoch.signum() != 0) {
            out.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(release.get(i));
        }
        if (preLetter != null) {
            out.append(preLetter).append(preNumber);
        }
        if (post != null) {
            out.append(".post").append(post);
        }
        if (dev != null) {
            out.append(".dev").append(dev);
        }
        if (local != null) {
            out.append('+').append(String.join(".", local));
        }
        return out.toString();
    }

    private static String preLetter(String letter) {
        switch (letter) {
            case "alpha":
                return "a";
            case "beta":
                return "b";
            case "c":
            case "pre":
            case "preview":
                return "rc";
            default:
                return letter;
        }
    }

    /** Local segments: numeric parts lose leading zeros (packaging turns them into ints). */
    private static List<String> localSegments(String local) {
        List<String> segments = new ArrayList<>();
        for (String part : local.split("[-_.]")) {
            segments.add(isAsciiDigits(part) ? new BigInteger(part).toString() : part.toLowerCase(Locale.ROOT));
        }
        return segments;
    }

    static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static BigInteger numberOrZero(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }
}
