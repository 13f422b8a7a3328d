package org.asimov.capture.conda;

import java.util.Locale;

/**
 * conda's {@code norm_package_name}: the name a site-packages distribution is listed under.
 * Only {@code .} and {@code _} become {@code -} and the result is lower-cased; unlike PEP 503,
 * runs of separators are not collapsed ({@code a__b} stays {@code a--b}).
 */
public final class PypiNameNormaliser {
    /** The listed name; {@code ""} for a missing name, as conda does. */
    public String normalise(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        // Python's str.lower() is locale-independent, hence ROOT.
        return name.replace('.', '-').replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
