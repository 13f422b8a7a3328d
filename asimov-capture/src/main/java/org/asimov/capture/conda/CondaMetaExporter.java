package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asimov.core.environment.PackageRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code conda list --export} from {@code conda-meta/*.json} and site-packages, without conda,
 * reading only. It is conda's {@code list_packages(format="export")}: every conda record, minus
 * those whose Python distribution is gone from site-packages, plus the site-packages
 * distributions no conda record owns (which replace a conda record of the same name, as conda's
 * name-keyed record map does), sorted by name in plain string order.
 */
public final class CondaMetaExporter implements CondaExporter {
    private static final Logger log = LoggerFactory.getLogger(CondaMetaExporter.class);

    private final CondaMetaReader metaReader;
    private final SitePackagesLoader sitePackagesLoader;
    private final CondaChannelName channelName;
    private final CondaSubdirs subdirs;
    private final CondaEnvNameRule envNameRule;
    private final CondaExportText exportText;

    @Inject
    public CondaMetaExporter(CondaMetaReader metaReader, SitePackagesLoader sitePackagesLoader,
            CondaChannelName channelName, CondaSubdirs subdirs, CondaEnvNameRule envNameRule,
            CondaExportText exportText) {
        this.metaReader = requireNonNull(metaReader, "metaReader is null");
        this.sitePackagesLoader = requireNonNull(sitePackagesLoader, "sitePackagesLoader is null");
        this.channelName = requireNonNull(channelName, "channelName is null");
        this.subdirs = requireNonNull(subdirs, "subdirs is null");
        this.envNameRule = requireNonNull(envNameRule, "envNameRule is null");
        this.exportText = requireNonNull(exportText, "exportText is null");
    }

    /** The exporter with its standard collaborators, for callers without an injector. */
    public static CondaMetaExporter standard() {
        return standard(new CondaExportText());
    }

    /** As {@link #standard()}, with the given header text (tests name a fixed tool). */
    public static CondaMetaExporter standard(CondaExportText exportText) {
        CondaSubdirs subdirs = new CondaSubdirs();
        SitePackagesLoader loader = new SitePackagesLoader(new SitePackagesLayout(), subdirs, new PythonDependents(),
                new CondaOwnedAnchors(), new SitePackagesAnchors(),
                new SitePackagesDistributionReader(new PypiNameNormaliser()));
        return new CondaMetaExporter(new CondaMetaReader(), loader, new CondaChannelName(subdirs), subdirs,
                new CondaEnvNameRule(), exportText);
    }

    @Override
    public Optional<CondaExport> export(Path prefix) {
        requireNonNull(prefix, "prefix is null");
        if (!CondaExporter.isCondaPrefix(prefix)) {
            return Optional.empty();
        }
        CondaMetaReader.Result meta = metaReader.read(prefix);
        List<String> warnings = new ArrayList<>(meta.warnings());

        Map<String, Listed> listed = new LinkedHashMap<>();
        for (CondaMetaRecord record : meta.records().values()) {
            listed.put(record.name(), new Listed(record.spec(), PackageRecord.conda(
                    record.name(), record.version(), record.build(), channelName.of(record))));
        }
        SitePackagesLoader.Listing sitePackages = sitePackagesLoader.load(prefix, meta.records());
        warnings.addAll(sitePackages.warnings());
        sitePackages.clobbered().forEach(listed::remove);
        for (SitePackagesDistribution distribution : sitePackages.distributions()) {
            Listed previous = listed.put(distribution.name(), new Listed(distribution.spec(), pipRecord(distribution)));
            if (previous != null) {
                warnings.add("site-packages distribution " + distribution.anchor() + " is listed as '"
                        + distribution.spec() + "' in place of '" + previous.spec()
                        + "', as conda keeps one record per name");
            }
        }

        List<Map.Entry<String, Listed>> sorted = new ArrayList<>(listed.entrySet());
        sorted.sort(Map.Entry.comparingByKey(PythonText.CODE_POINT_ORDER));
        List<String> specs = sorted.stream().map(e -> e.getValue().spec()).toList();
        List<PackageRecord> packages = sorted.stream().map(e -> e.getValue().record()).toList();

        CondaMetaRecord python = meta.records().get("python");
        String subdir = subdirs.headerPlatform(meta.records().values());
        String text = exportText.format(subdir, specs);
        log.debug("exported conda prefix {}: {} packages, {} warnings", prefix, specs.size(), warnings.size());
        Map<String, String> recordSubdirs = new LinkedHashMap<>();
        for (PackageRecord record : packages) {
            CondaMetaRecord owner = record.manager().equals("conda") ? meta.records().get(record.name()) : null;
            String own = owner == null ? null : subdirs.of(owner);
            if (own != null) {
                recordSubdirs.put(record.name(), own);
            }
        }
        return Optional.of(new CondaExport(text, packages, warnings, python == null ? null : python.version(),
                subdir, envNameRule.envName(prefix), recordSubdirs));
    }

    private static PackageRecord pipRecord(SitePackagesDistribution distribution) {
        boolean develop = distribution.developLocation() != null;
        return PackageRecord.pip(distribution.name(), distribution.version(),
                develop ? distribution.developLocation().toUri().toString() : null, develop);
    }

    /** One line of the listing and the record that goes with it. */
    private record Listed(String spec, PackageRecord record) {
        Listed {
            requireNonNull(spec, "spec is null");
            requireNonNull(record, "record is null");
        }
    }
}
