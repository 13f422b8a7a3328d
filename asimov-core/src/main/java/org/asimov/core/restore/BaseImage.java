package org.asimov.core.restore;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

import org.asimov.core.system.OsRelease;

/**
 * The container image a recipe starts from: the recorded OS release (os-release {@code ID} and
 * {@code VERSION_ID}) as its distribution publishes it, and how packages are installed there.
 *
 * @param reference e.g. {@code debian:12}, for {@code FROM} and Apptainer's {@code From:}
 * @param packages  the system package manager of the image
 * @param notes     comment lines for the recipes: guesses and defaults, said out loud
 */
public record BaseImage(String reference, PackageManager packages, List<String> notes) {
    /** The default when the record has no system part. */
    public static final String DEFAULT = "debian:12";

    public enum PackageManager {
        APT,
        DNF
    }

    public BaseImage {
        requireNonNull(reference, "reference is null");
        requireNonNull(packages, "packages is null");
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }

    /**
     * @param os             the recorded OS release, {@code null} when the capture had no system part
     * @param systemManager  the manager of the recorded OS packages ({@code dpkg}, {@code rpm}), {@code null} when none
     */
    public static BaseImage of(OsRelease os, String systemManager) {
        if (os == null || os.id() == null || os.versionId() == null) {
            return new BaseImage(DEFAULT, PackageManager.APT, List.of("The record has no system part (captured with"
                    + " --no-system, or by the original asimov), so " + DEFAULT + " is a default, not the recorded system."));
        }
        String id = os.id().toLowerCase(Locale.ROOT);
        String version = os.versionId();
        String major = version.replaceFirst("\\..*$", "");
        PackageManager manager = manager(id, systemManager);
        String reference = switch (id) {
            case "debian", "ubuntu", "fedora", "almalinux" -> id + ":" + version;
            case "rocky" -> "rockylinux/rockylinux:" + version;
            case "centos" -> "quay.io/centos/centos:stream" + major;
            case "rhel" -> "registry.access.redhat.com/ubi" + major + "/ubi:" + version;
            default -> null;
        };
        if (reference == null) {
            return new BaseImage(id + ":" + version, manager, List.of("No known image for " + os.displayName()
                    + "; '" + id + ":" + version + "' is a guess: replace it with that system's image."));
        }
        return new BaseImage(reference, manager, List.of());
    }

    private static PackageManager manager(String id, String systemManager) {
        if ("rpm".equals(systemManager)) {
            return PackageManager.DNF;
        }
        if ("dpkg".equals(systemManager)) {
            return PackageManager.APT;
        }
        return switch (id) {
            case "fedora", "rocky", "almalinux", "centos", "rhel" -> PackageManager.DNF;
            default -> PackageManager.APT;
        };
    }
}
