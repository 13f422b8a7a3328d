package org.asimov.capture.pip;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * pip's {@code pkg_resources} metadata backend, used on Python 3.10 and older: a
 * {@code WorkingSet} over {@code sys.path} from pip's vendored pkg_resources. Per entry (made
 * real with {@code realpath}), the {@code .egg-info}/{@code .dist-info} children sorted by the
 * versions in their names, highest first; the first distribution per {@code safe_name} key wins.
 * Names and versions come from the file names; egg-info versions from PKG-INFO.
 */
public final class PkgResourcesDistributionFinder implements DistributionFinder {
    @Override
    public List<InstalledDistribution> find(List<String> sysPath, List<String> warnings) {
        Set<String> keys = new HashSet<>();
        List<InstalledDistribution> found = new ArrayList<>();
        for (String entry : sysPath) {
            Path root = realPath(entry.isEmpty() ? "." : entry);
            if (root == null || !Files.isDirectory(root)) {
                continue;
            }
            if (entry.endsWith(".egg")) {
                warnings.add("egg " + entry + " on sys.path is not read");
                continue;
            }
            List<String> children = new ArrayList<>();
            for (String child : DirectoryListing.names(root)) {
                if (DirectoryListing.endsWithIgnoreCase(child, ".egg-info")
                        || DirectoryListing.endsWithIgnoreCase(child, ".dist-info")) {
                    children.add(child);
                }
            }
            for (String child : byVersionDescending(children)) {
                InstalledDistribution dist = describe(root, child, warnings);
                if (dist != null && keys.add(ProjectNames.safeName(projectName(child)).toLowerCase(Locale.ROOT))) {
                    if (ProjectNames.isValidCanonical(dist.canonicalName())) {
                        found.add(dist);
                    } else {
                        warnings.add("ignored invalid distribution " + dist.canonicalName() + " (" + root + ")");
                    }
                }
            }
        }
        return found;
    }

    private static InstalledDistribution describe(Path root, String child, List<String> warnings) {
        Path info = root.resolve(child);
        boolean directory = Files.isDirectory(info);
        if (directory && DirectoryListing.names(info).isEmpty()) {
            return null; // pkg_resources skips an empty metadata directory
        }
        boolean distInfo = DirectoryListing.endsWithIgnoreCase(child, ".dist-info");
        Path metadataFile = directory ? info.resolve(distInfo ? "METADATA" : "PKG-INFO") : info;
        MetadataHeaders headers = MetadataHeaders.EMPTY;
        String metadataVersion = null;
        if (Files.isRegularFile(metadataFile) && (directory || !distInfo)) {
            try {
                // a single-file egg-info is read with errors="replace", a directory's files strictly
                headers = MetadataHeaders.read(metadataFile, directory ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
                metadataVersion = firstVersionLine(metadataFile, directory);
            } catch (CharacterCodingException e) {
                warnings.add("skipped " + info + ": its metadata is not UTF-8 (pip freeze fails on it)");
                return null;
            } catch (IOException e) {
                warnings.add("skipped " + info + ": " + e);
                return null;
            }
        }
        String projectName = ProjectNames.safeName(projectName(child));
        String fileVersion = fileVersion(child);
        String version;
        if (distInfo) {
            version = fileVersion != null ? safeVersion(fileVersion) : metadataVersion;
        } else {
            version = metadataVersion != null ? metadataVersion : (fileVersion != null ? safeVersion(fileVersion) : null);
        }
        if (version == null) {
            warnings.add("skipped " + info + ": no version in its name or metadata (pip freeze fails on it)");
            return null;
        }
        String canonical = ProjectNames.canonicalize(projectName);
        String rawName = headers.name() != null ? headers.name() : canonical;
        return new InstalledDistribution(rawName, canonical, Pep440Version.normalize(version).orElse(null), version, root, info);
    }

    /** pkg_resources' {@code _version_from_file}: the first stripped line starting with {@code version:}. */
    private static String firstVersionLine(Path file, boolean strict) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
                .onUnmappableCharacter(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String stripped = line.strip();
                if (stripped.regionMatches(true, 0, "version:", 0, 8)) {
                    String value = safeVersion(stripped.substring(8).strip());
                    return value.isEmpty() ? null : value;
                }
            }
        }
        return null;
    }

    /** pkg_resources' {@code EGG_NAME} name group: up to the first {@code -} of the stem. */
    private static String projectName(String child) {
        String stem = child.substring(0, child.lastIndexOf('.'));
        int dash = stem.indexOf('-');
        String name = dash < 0 ? stem : stem.substring(0, dash);
        return name.isEmpty() ? "Unknown" : name;
    }

    private static String fileVersion(String child) {
        String stem = child.substring(0, child.lastIndexOf('.'));
        int dash = stem.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        int end = stem.indexOf('-', dash + 1);
        String version = end < 0 ? stem.substring(dash + 1) : stem.substring(dash + 1, end);
        return version.isEmpty() ? null : version;
    }

    /** pkg_resources' {@code safe_version}. */
    static String safeVersion(String version) {
        return Pep440Version.normalize(version)
                .orElseGet(() -> version.replace(' ', '.').replaceAll("[^A-Za-z0-9.]+", "-"));
    }

    /** pkg_resources' {@code _by_version_descending}: a stable sort, highest versions in the names first. */
    static List<String> byVersionDescending(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparing(PkgResourcesDistributionFinder::nameParts, LegacyOrder.PARTS).reversed());
        return sorted;
    }

    /** {@code _by_version_descending}'s key: each {@code -} part of the stem, then the extension. */
    private static List<String> nameParts(String child) {
        int dot = child.lastIndexOf('.');
        List<String> parts = new ArrayList<>(List.of(child.substring(0, dot).split("-", -1)));
        parts.add(child.substring(dot));
        return parts;
    }

    private static Path realPath(String entry) {
        try {
            return Path.of(entry).toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
