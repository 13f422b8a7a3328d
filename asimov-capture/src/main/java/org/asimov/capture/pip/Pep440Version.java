package org.asimov.capture.pip;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 normalisation exactly as {@code packaging.version.Version.__str__} does it (the
 * packaging that pip vendors: 21.3 in pip 23.x, 24.x in pip 24.x print valid versions alike).
 * A version that does not parse is "legacy": pip freeze prints it as {@code Name===raw}.
 */
public final class Pep440Version {
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

    private Pep440Version() {
    }

    /** The normalised form of {@code raw}, or empty when {@code raw} is not a PEP 440 version. */
    public static Optional<String> normalize(String raw) {
        Matcher m = VERSION.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(raw.length() + 8);
        String epoch = m.group("epoch");
        if (epoch != null && !isZero(epoch)) {
            out.append(number(epoch)).append('!');
        }
        String[] release = m.group("release").split("\\.");
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(number(release[i]));
        }
        if (m.group("prel") != null) {
            out.append(preLetter(m.group("prel").toLowerCase(Locale.ROOT))).append(numberOrZero(m.group("pren")));
        }
        String postNumber = m.group("postn1") != null ? m.group("postn1") : m.group("postn2");
        if (m.group("postl") != null || postNumber != null) {
            out.append(".post").append(numberOrZero(postNumber));
        }
        if (m.group("devl") != null) {
            out.append(".dev").append(numberOrZero(m.group("devn")));
        }
        String local = m.group("local");
        if (local != null) {
            out.append('+');
            appendLocal(out, local);
        }
        return Optional.of(out.toString());
    }

    public static boolean isValid(String raw) {
        return VERSION.matcher(raw).matches();
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
    private static void appendLocal(StringBuilder out, String local) {
        int start = 0;
        boolean first = true;
        for (int i = 0; i <= local.length(); i++) {
            if (i == local.length() || isLocalSeparator(local.charAt(i))) {
                String part = local.substring(start, i);
                if (!first) {
                    out.append('.');
                }
                out.append(isAsciiDigits(part) ? number(part) : part.toLowerCase(Locale.ROOT));
                first = false;
                start = i + 1;
            }
        }
    }

    private static boolean isLocalSeparator(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isZero(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static String numberOrZero(String digits) {
        return digits == null ? "0" : number(digits);
    }

    /** Python's {@code str(int(digits))}: arbitrary size, no leading zeros. */
    private static String number(String digits) {
        if (digits.length() < 18) {
            return Long.toString(Long.parseLong(digits));
        }
        return new BigInteger(digits).toString();
    }
}
