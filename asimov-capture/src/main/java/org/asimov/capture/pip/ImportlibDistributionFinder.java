package org.asimov.capture.pip;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * pip's {@code importlib} metadata backend ({@code metadata/importlib/_envs.py}), used on Python
 * 3.11 and later: for each {@code sys.path} entry, the {@code .dist-info}/{@code .egg-info}
 * children in importlib.metadata's order, then the targets of {@code .egg-link} files.
 */
public final class ImportlibDistributionFinder implements DistributionFinder {
    private final PipRules rules;

    public ImportlibDistributionFinder(PipRules rules) {
        this.rules = requireNonNull(rules, "rules is null");
    }

    @Override
    public List<InstalledDistribution> find(List<String> sysPath, List<String> warnings) {
        Set<String> foundNames = new HashSet<>();
        List<InstalledDistribution> found = new ArrayList<>();
        for (String entry : sysPath) {
            if (entry.isEmpty()) {
                continue;
            }
            Path location = Path.of(entry);
            if (looksLikeWheel(location)) {
                continue;
            }
            List<String> children = DirectoryListing.names(location);
            for (Path info : metadataChildren(location, children)) {
                describe(info, foundNames, warnings, found);
            }
            if (entry.endsWith(".egg") || children.stream().anyMatch(c -> c.endsWith(".egg"))) {
                warnings.add("eggs in " + entry + " are not read (pip reads them through pkg_resources)");
            }
            // pip's find_linked: distributions in the targets of .egg-link files, after the entry's own
            for (String child : children) {
                if (child.endsWith(".egg-link") && child.length() > ".egg-link".length()) {
                    Path target = eggLinkTarget(location.resolve(child));
                    if (target != null) {
                        for (Path info : metadataChildren(target, DirectoryListing.names(target))) {
                            describe(info, foundNames, warnings, found);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** importlib.metadata's {@code Lookup}: metadata children grouped by normalised name, in listing order. */
    private static List<Path> metadataChildren(Path directory, List<String> children) {
        Map<String, List<Path>> byName = new LinkedHashMap<>();
        for (String child : children) {
            String low = child.toLowerCase(Locale.ROOT);
            if (low.endsWith(".dist-info") || low.endsWith(".egg-info")) {
                String stem = low.substring(0, low.lastIndexOf('.'));
                int dash = stem.indexOf('-');
                String name = dash < 0 ? stem : stem.substring(0, dash);
                String normalized = ProjectNames.canonicalize(name).replace('-', '_');
                byName.computeIfAbsent(normalized, k -> new ArrayList<>(1)).add(directory.resolve(child));
            }
        }
        List<Path> ordered = new ArrayList<>();
        byName.values().forEach(ordered::addAll);
        return ordered;
    }

    /**
     * One metadata directory, in pip's order of questions: its name (from the directory name with
     * pip 24.2+, which then reads no metadata for it), first-per-name, valid name, then the
     * metadata for the raw name and version. Metadata is read only when pip would read it.
     */
    private void describe(Path info, Set<String> foundNames, List<String> warnings, List<InstalledDistribution> found) {
        InfoDirectoryName dirName = InfoDirectoryName.of(info.getFileName().toString());
        MetadataHeaders headers = null;
        String findName = rules.namesFromInfoDirectory() ? dirName.name() : null;
        if (findName == null) {
            headers = readMetadata(info, warnings);
            if (headers == null) {
                return;
            }
            findName = headers.name();
        }
        if (findName == null) {
            warnings.add("skipped " + info + ": invalid metadata entry 'name'");
            return;
        }
        String finderCanonical = ProjectNames.canonicalize(findName);
        if (!foundNames.add(finderCanonical)) {
            return;
        }
        // Distribution.canonical_name: pip 23.x takes the directory name for any .dist-info/.egg-info
        String canonical = rules.namesFromInfoDirectory() || dirName.legacyName() == null
                ? finderCanonical
                : ProjectNames.canonicalize(dirName.legacyName());
        if (!ProjectNames.isValidCanonical(canonical)) {
            warnings.add("ignored invalid distribution " + canonical + " (" + info.getParent() + ")");
            return;
        }
        if (headers == null) {
            headers = readMetadata(info, warnings);
            if (headers == null) {
                return;
            }
        }
        String versionText = rules.namesFromInfoDirectory() && dirName.version() != null && !dirName.version().isEmpty()
                ? dirName.version()
                : headers.version();
        if (versionText == null) {
            warnings.add("skipped " + info + ": no Version in its metadata (pip freeze fails on it)");
            return;
        }
        String normalized = Pep440Version.normalize(versionText).orElse(null);
        // after ===, pip >= 24.2 prints raw_version (the metadata's, None when absent); earlier pips the text they parsed
        String rawVersion = rules.namesFromInfoDirectory() ? (headers.version() != null ? headers.version() : "None") : versionText;
        String rawName = headers.name() != null ? headers.name() : canonical;
        found.add(new InstalledDistribution(rawName, canonical, normalized, rawVersion, info.getParent(), info));
    }

    /** The metadata headers, or {@code null} with a warning when they cannot be read (pip would fail there). */
    private static MetadataHeaders readMetadata(Path info, List<String> warnings) {
        try {
            return readMetadata(info);
        } catch (CharacterCodingException e) {
            warnings.add("skipped " + info + ": its metadata is not UTF-8 (pip freeze fails on it)");
        } catch (IOException e) {
            warnings.add("skipped " + info + ": " + e);
        }
        return null;
    }

    /**
     * importlib.metadata's {@code Distribution.metadata}: METADATA, else PKG-INFO, else the info
     * path itself when it is a file; an empty file counts as missing.
     */
    private static MetadataHeaders readMetadata(Path info) throws IOException {
        if (Files.isDirectory(info)) {
            for (String file : new String[] {"METADATA", "PKG-INFO"}) {
                Path candidate = info.resolve(file);
                if (Files.isRegularFile(candidate) && Files.size(candidate) > 0) {
                    return MetadataHeaders.read(candidate);
                }
            }
            return MetadataHeaders.EMPTY;
        }
        if (Files.isRegularFile(info) && Files.size(info) > 0) {
            return MetadataHeaders.read(info);
        }
        return MetadataHeaders.EMPTY;
    }

    /** pip's {@code _looks_like_wheel}: a wheel file put on sys.path is not an installation. */
    private static boolean looksLikeWheel(Path location) {
        return location.toString().endsWith(".whl") && Files.isRegularFile(location);
    }

    /** The first non-blank line of an {@code .egg-link}, resolved against the link's directory. */
    static Path eggLinkTarget(Path eggLink) {
        try (BufferedReader reader = Files.newBufferedReader(eggLink, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String target = line.strip();
                if (!target.isEmpty()) {
                    return eggLink.getParent().resolve(target);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
