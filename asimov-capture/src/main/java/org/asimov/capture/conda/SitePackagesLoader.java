package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * conda's pypi prefix-data loader ({@code plugins/prefix_data_loaders/pypi:load_site_packages}),
 * read-only: which distributions in the prefix's site-packages no conda record owns, and which
 * conda records lost their distribution (conda calls them "clobbered" and drops them from the
 * listing; it also deletes their conda-meta file, which we never do).
 */
public final class SitePackagesLoader {
    private final SitePackagesLayout layout;
    private final CondaSubdirs subdirs;
    private final PythonDependents pythonDependents;
    private final CondaOwnedAnchors ownedAnchors;
    private final SitePackagesAnchors anchors;
    private final SitePackagesDistributionReader reader;

    @Inject
    public SitePackagesLoader(SitePackagesLayout layout, CondaSubdirs subdirs, PythonDependents pythonDependents,
            CondaOwnedAnchors ownedAnchors, SitePackagesAnchors anchors, SitePackagesDistributionReader reader) {
        this.layout = requireNonNull(layout, "layout is null");
        this.subdirs = requireNonNull(subdirs, "subdirs is null");
        this.pythonDependents = requireNonNull(pythonDependents, "pythonDependents is null");
        this.ownedAnchors = requireNonNull(ownedAnchors, "ownedAnchors is null");
        this.anchors = requireNonNull(anchors, "anchors is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    /**
     * @param clobbered     names of conda records to leave out of the listing
     * @param distributions site-packages distributions to list, in anchor order
     * @param warnings      what was left out and why
     */
    public record Listing(Set<String> clobbered, List<SitePackagesDistribution> distributions, List<String> warnings) {
        public Listing {
            clobbered = Set.copyOf(requireNonNull(clobbered, "clobbered is null"));
            distributions = List.copyOf(requireNonNull(distributions, "distributions is null"));
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        }

        static Listing none(List<String> warnings) {
            return new Listing(Set.of(), List.of(), warnings);
        }
    }

    public Listing load(Path prefix, Map<String, CondaMetaRecord> records) {
        CondaMetaRecord python = records.get("python");
        if (python == null || python.version().isEmpty()) {
            return Listing.none(List.of());
        }
        String shortPath = layout.shortPath(python, subdirs);
        Path sitePackages;
        try {
            sitePackages = prefix.resolve(shortPath);
        } catch (InvalidPathException e) {
            return Listing.none(List.of("the python record names site-packages '" + shortPath
                    + "', which is not a path; site-packages not read"));
        }
        if (!Files.isDirectory(sitePackages)) {
            return Listing.none(List.of());
        }
        Path realSitePackages;
        Path realPrefix;
        try {
            realSitePackages = sitePackages.toRealPath();
            realPrefix = prefix.toRealPath();
        } catch (IOException e) {
            return Listing.none(List.of("cannot resolve " + sitePackages + "; site-packages not read: " + e));
        }
        if (!realSitePackages.startsWith(realPrefix)) {
            return Listing.none(List.of(shortPath + " resolves to " + realSitePackages
                    + ", outside the prefix; site-packages not read (conda list would stop with an error)"));
        }
        // conda works with the resolved path (lib/python3.13 may link to lib/python3.13t) but also
        // recognises records that installed through the link.
        String resolvedShortPath = slashes(realPrefix.relativize(realSitePackages));
        List<CondaMetaRecord> dependents = pythonDependents.of(python, records.values());
        Map<String, CondaMetaRecord> owned = ownedAnchors.of(dependents, resolvedShortPath);
        if (!resolvedShortPath.equals(shortPath)) {
            ownedAnchors.of(dependents, shortPath).forEach((anchor, record) ->
                    owned.put(resolvedShortPath + anchor.substring(shortPath.length()), record));
        }
        Set<String> present;
        try {
            present = anchors.scan(realSitePackages, resolvedShortPath);
        } catch (IOException e) {
            return Listing.none(List.of("cannot list " + realSitePackages + "; site-packages not read: " + e));
        }

        List<String> warnings = new ArrayList<>();
        Set<String> clobbered = new TreeSet<>(PythonText.CODE_POINT_ORDER);
        for (Map.Entry<String, CondaMetaRecord> entry : new TreeMap<>(owned).entrySet()) {
            if (!present.contains(entry.getKey())) {
                CondaMetaRecord record = entry.getValue();
                clobbered.add(record.name());
                warnings.add("conda record " + record.fileName() + " owns " + entry.getKey()
                        + ", which is no longer in site-packages; left out, as conda list leaves it out"
                        + " (conda would also delete the record file; asimov leaves the prefix untouched)");
            }
        }
        List<SitePackagesDistribution> distributions = new ArrayList<>();
        for (String anchor : present) {
            if (owned.containsKey(anchor)) {
                continue;
            }
            SitePackagesDistributionReader.Read read = reader.read(prefix, anchor);
            warnings.addAll(read.warnings());
            if (read.distribution() != null) {
                distributions.add(read.distribution());
            }
        }
        return new Listing(clobbered, distributions, warnings);
    }

    private static String slashes(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }
}
