package org.asimov.core.environment;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Package names as pip compares them: PEP 503 normalisation, so {@code LALSuite},
 * {@code lal_suite} and {@code lal.suite} are one name ({@code lalsuite}, {@code lal-suite}).
 */
public final class PackageNames {
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private PackageNames() {
    }

    /** {@code re.sub(r"[-_.]+", "-", name).lower()}, as PEP 503 and pip's {@code canonicalize_name} do. */
    public static String canonical(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
