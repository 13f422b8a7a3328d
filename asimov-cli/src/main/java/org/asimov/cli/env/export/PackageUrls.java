package org.asimov.cli.env.export;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;

import org.asimov.core.environment.PackageRecord;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.system.OsRelease;

/**
 * Package URLs (purl-spec) for recorded packages, built with packageurl-java so that names,
 * namespaces and qualifiers are normalised and encoded as the spec says:
 * <ul>
 *   <li>pip: {@code pkg:pypi/NAME@VERSION}, the name lower-cased with {@code _} as {@code -}; no
 *       version when pip freeze names none (direct-URL and some editable installs).</li>
 *   <li>conda: {@code pkg:conda/NAME@VERSION?build=…&channel=…&subdir=…}; channel and subdir only
 *       when the capture recorded them, never guessed.</li>
 *   <li>dpkg: {@code pkg:deb/ID/NAME@VERSION?arch=…&distro=ID-VERSION_ID}, ID from os-release
 *       (debian, ubuntu, …; {@code debian} when unknown), the arch as dpkg names the machine's
 *       ({@code amd64} for {@code x86_64}): the packages listed own libraries this interpreter
 *       loads, so they are of its architecture. The epoch stays in the version, as dpkg writes it.</li>
 *   <li>rpm: {@code pkg:rpm/ID/NAME@VERSION-RELEASE?arch=…&distro=…&epoch=N}.</li>
 *   <li>the interpreter: {@code pkg:generic/IMPLEMENTATION@VERSION}, e.g. {@code pkg:generic/cpython@3.11.7}.</li>
 * </ul>
 */
public final class PackageUrls {
    /** dpkg's names for the machines {@code uname -m} names differently. */
    private static final Map<String, String> DEBIAN_ARCHITECTURES = Map.ofEntries(
            Map.entry("x86_64", "amd64"), Map.entry("aarch64", "arm64"), Map.entry("i386", "i386"),
            Map.entry("i486", "i386"), Map.entry("i586", "i386"), Map.entry("i686", "i386"),
            Map.entry("armv7l", "armhf"), Map.entry("armv6l", "armel"), Map.entry("ppc64le", "ppc64el"),
            Map.entry("mips64", "mips64el"), Map.entry("loongarch64", "loong64"));

    private PackageUrls() {
    }

    public static PackageURL pypi(String name, String version) {
        return build(PackageURL.StandardTypes.PYPI, null, name, version, Map.of());
    }

    /** @param channel and {@code subdir}: {@code null} when not recorded, and then left out */
    public static PackageURL conda(PackageRecord record, String subdir) {
        Map<String, String> qualifiers = new TreeMap<>();
        putIfKnown(qualifiers, "build", record.build());
        putIfKnown(qualifiers, "channel", record.channel());
        putIfKnown(qualifiers, "subdir", subdir);
        return build("conda", null, record.name(), record.version(), qualifiers);
    }

    /** @param machine {@code uname -m}, {@code null} when the capture did not record it */
    public static PackageURL deb(PackageRecord record, OsRelease os, String machine) {
        Map<String, String> qualifiers = new TreeMap<>();
        putIfKnown(qualifiers, "arch", machine == null ? null : debianArchitecture(machine));
        putIfKnown(qualifiers, "distro", distro(os));
        return build(PackageURL.StandardTypes.DEBIAN, os.id() == null ? "debian" : os.id().toLowerCase(Locale.ROOT),
                record.name().toLowerCase(Locale.ROOT), record.version(), qualifiers);
    }

    public static PackageURL rpm(PackageRecord record, OsRelease os, String machine) {
        Map<String, String> qualifiers = new TreeMap<>();
        String version = record.version();
        int colon = version.indexOf(':');
        if (colon > 0 && version.substring(0, colon).chars().allMatch(Character::isDigit)) {
            qualifiers.put("epoch", version.substring(0, colon));
            version = version.substring(colon + 1);
        }
        putIfKnown(qualifiers, "arch", machine);
        putIfKnown(qualifiers, "distro", distro(os));
        return build(PackageURL.StandardTypes.RPM, os.id() == null ? null : os.id().toLowerCase(Locale.ROOT),
                record.name(), version, qualifiers);
    }

    /** The interpreter: {@code implementation} is e.g. {@code cpython}, {@code null} when not recorded. */
    public static PackageURL interpreter(String implementation, String version) {
        return build(PackageURL.StandardTypes.GENERIC, null, implementation == null ? "python" : implementation,
                version, Map.of());
    }

    /** Any other manager's package, which no purl type covers. */
    public static PackageURL generic(PackageRecord record) {
        return build(PackageURL.StandardTypes.GENERIC, record.manager(), record.name(), record.version(), Map.of());
    }

    /** dpkg's architecture for a {@code uname -m} machine name. */
    static String debianArchitecture(String machine) {
        return DEBIAN_ARCHITECTURES.getOrDefault(machine, machine);
    }

    private static String distro(OsRelease os) {
        if (os.id() == null) {
            return null;
        }
        return os.versionId() == null ? os.id().toLowerCase(Locale.ROOT) : os.id().toLowerCase(Locale.ROOT) + "-" + os.versionId();
    }

    private static void putIfKnown(Map<String, String> qualifiers, String key, String value) {
        if (value != null && !value.isEmpty()) {
            qualifiers.put(key, value);
        }
    }

    private static PackageURL build(String type, String namespace, String name, String version, Map<String, String> qualifiers) {
        PackageURLBuilder builder = PackageURLBuilder.aPackageURL().withType(type).withNamespace(namespace).withName(name)
                .withVersion(version == null || version.isEmpty() ? null : version);
        qualifiers.forEach(builder::withQualifier);
        try {
            return builder.build();
        } catch (MalformedPackageURLException e) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, "no package URL can be made for " + type + " package '"
                    + name + "' " + (version == null ? "" : version) + ": " + e.getMessage(), e);
        }
    }
}
