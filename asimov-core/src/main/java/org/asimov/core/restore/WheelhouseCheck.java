package org.asimov.core.restore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.asimov.core.environment.PackageNames;
import org.asimov.core.environment.PackageRecord;

/**
 * Which pinned requirements a wheelhouse (a {@code --find-links} directory) cannot satisfy, told
 * from its file names alone, so that an offline restore names every missing distribution before
 * pip stops at the first. Wheels are {@code name-version-...whl} (PEP 427), source
 * distributions {@code name-version.tar.gz} or {@code .zip}; names compare as pip compares them,
 * versions after dropping trailing {@code .0} release parts ({@code 1.0} is {@code 1.0.0}).
 */
public final class WheelhouseCheck {
    private static final String[] SDIST_SUFFIXES = {".tar.gz", ".zip", ".tar.bz2", ".tgz"};

    private WheelhouseCheck() {
    }

    /** The pins no file in {@code fileNames} provides, in the pins' order. */
    public static List<PackageRecord> missing(List<PackageRecord> pins, Collection<String> fileNames) {
        Set<String> available = new HashSet<>();
        for (String file : fileNames) {
            String nameAndVersion = nameAndVersion(file);
            if (nameAndVersion != null) {
                available.add(nameAndVersion);
            }
        }
        List<PackageRecord> missing = new ArrayList<>();
        for (PackageRecord pin : pins) {
            if (!available.contains(key(pin.name(), pin.version()))) {
                missing.add(pin);
            }
        }
        return missing;
    }

    private static String nameAndVersion(String file) {
        if (file.endsWith(".whl")) {
            String[] parts = file.split("-");
            return parts.length >= 5 ? key(parts[0], parts[1]) : null;
        }
        for (String suffix : SDIST_SUFFIXES) {
            if (file.endsWith(suffix)) {
                String stem = file.substring(0, file.length() - suffix.length());
                int dash = stem.lastIndexOf('-');
                return dash > 0 ? key(stem.substring(0, dash), stem.substring(dash + 1)) : null;
            }
        }
        return null;
    }

    private static String key(String name, String version) {
        String release = version.toLowerCase(Locale.ROOT);
        while (release.matches(".*\\d\\.0($|[^.\\d].*)")) {
            release = release.replaceFirst("\\.0($|[^.\\d].*)", "$1");
        }
        return PackageNames.canonical(name) + " " + release;
    }
}
