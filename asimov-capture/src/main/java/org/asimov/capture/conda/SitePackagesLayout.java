package org.asimov.capture.conda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a conda prefix's site-packages is, from the {@code python} record alone, so that it works
 * when the interpreter cannot run (a prefix copied from another machine or architecture). This is
 * conda's rule in {@code load_site_packages}: the record's CEP 17
 * {@code python_site_packages_path} when present (free-threaded builds use
 * {@code lib/python3.13t/site-packages}), else {@code get_python_site_packages_short_path(version)}.
 */
public final class SitePackagesLayout {
    private static final Pattern MAJOR_MINOR = Pattern.compile("^[0-9]+\\.[0-9]+");

    /** The prefix-relative site-packages path, with {@code /} separators. */
    public String shortPath(CondaMetaRecord python, CondaSubdirs subdirs) {
        if (python.pythonSitePackagesPath() != null) {
            return python.pythonSitePackagesPath();
        }
        String subdir = subdirs.of(python);
        if (subdir != null && subdir.startsWith("win-")) {
            return "Lib/site-packages";
        }
        return "lib/python" + majorMinor(python.version()) + "/site-packages";
    }

    /**
     * conda's {@code get_major_minor_version} for a version string: {@code 3.11.9 → 3.11};
     * without a leading {@code X.Y}, the first digit and the digits after it ({@code 311 → 3.11});
     * Python formats a failure as {@code None}, giving a path that does not exist.
     */
    static String majorMinor(String version) {
        Matcher m = MAJOR_MINOR.matcher(version);
        if (m.find()) {
            String[] parts = m.group().split("\\.");
            return parts[0] + "." + parts[1];
        }
        StringBuilder digits = new StringBuilder();
        version.codePoints().filter(Character::isDigit).forEach(digits::appendCodePoint);
        if (digits.codePointCount(0, digits.length()) < 2) {
            return "None";
        }
        int first = digits.offsetByCodePoints(0, 1);
        return digits.substring(0, first) + "." + digits.substring(first);
    }
}
