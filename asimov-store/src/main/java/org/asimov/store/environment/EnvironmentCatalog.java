package org.asimov.store.environment;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.environment.PackageNames;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.names.SafeName;
import org.asimov.store.db.StoreDatabase;
import org.asimov.store.manifest.ManifestRepository;

/** Answers questions about recorded environments: what {@code env list}, {@code find} and {@code show} print. */
public final class EnvironmentCatalog {
    private final StoreDatabase database;
    private final ManifestRepository manifest;

    @Inject
    public EnvironmentCatalog(StoreDatabase database, ManifestRepository manifest) {
        this.database = requireNonNull(database, "database is null");
        this.manifest = requireNonNull(manifest, "manifest is null");
    }

    /** Every distinct environment, the most used first. */
    public List<EnvironmentSummary> list() {
        return database.fromTransaction(session -> session.createSelectionQuery(
                "select new org.asimov.store.environment.EnvironmentSummary(e.fingerprint, e.environmentType,"
                        + " e.pythonVersion, e.implementation, e.platform, e.firstSeen, e.analyses)"
                        + " from EnvironmentRow e order by e.analyses desc, e.firstSeen, e.fingerprint",
                EnvironmentSummary.class).getResultList());
    }

    /**
     * The analyses whose environment had a package of this name (compared canonically, as pip
     * does) and, when {@code version} is not null, this exact version.
     */
    public List<PackageUse> find(String name, String version) {
        requireNonNull(name, "name is null");
        String canonical = PackageNames.canonical(name.strip());
        return database.fromTransaction(session -> {
            var query = session.createSelectionQuery(
                    "select new org.asimov.store.environment.PackageUse(l.event, l.analysis, l.phase, p.key.manager,"
                            + " p.rawName, p.version, e.fingerprint)"
                            + " from EnvironmentPackageRow p"
                            + " join AnalysisEnvironmentRow l on l.environmentId = p.key.environmentId"
                            + " join EnvironmentRow e on e.id = p.key.environmentId"
                            + " where p.key.name = :name" + (version != null ? " and p.version = :version" : "")
                            + " order by l.event, l.analysis, l.phase, p.key.manager", PackageUse.class)
                    .setParameter("name", canonical);
            if (version != null) {
                query.setParameter("version", version.strip());
            }
            return query.getResultList();
        });
    }

    /**
     * The environment recorded for an analysis: for {@code phase}, or when that is null, the
     * build capture if there is one, else the run capture.
     *
     * @throws AsimovException NOT_FOUND saying whether the analysis is unknown to the store or
     *         simply has no captured environment recorded
     */
    public AnalysisEnvironment show(String event, String analysis, CapturePhase phase) {
        SafeName.require("event name", event);
        SafeName.require("analysis name", analysis);
        return find(event, analysis, phase).orElseThrow(() -> notRecorded(event, analysis, phase));
    }

    public Optional<AnalysisEnvironment> find(String event, String analysis, CapturePhase phase) {
        return database.fromTransaction(session -> {
            Optional<AnalysisEnvironmentRow> link = Optional.empty();
            for (CapturePhase candidate : phase != null ? List.of(phase) : List.of(CapturePhase.BUILD, CapturePhase.RUN)) {
                link = EnvironmentRepository.link(session, event, analysis, candidate);
                if (link.isPresent()) {
                    break;
                }
            }
            if (link.isEmpty()) {
                return Optional.<AnalysisEnvironment>empty();
            }
            AnalysisEnvironmentRow row = link.get();
            EnvironmentRow environment = session.find(EnvironmentRow.class, row.environmentId());
            var packages = session.createSelectionQuery("from EnvironmentPackageRow p where p.key.environmentId = :id"
                            // pip first, then conda, then OS package managers: the order of the files
                            + " order by case p.key.manager when 'pip' then 0 when 'conda' then 1 else 2 end,"
                            + " p.key.manager, p.key.name", EnvironmentPackageRow.class)
                    .setParameter("id", row.environmentId())
                    .getResultList().stream().map(EnvironmentPackageRow::toRecord).toList();
            long users = environment.analyses();
            CapturedEnvironment captured = new CapturedEnvironment(environment.fingerprint(),
                    EnvironmentType.fromKey(environment.environmentType()), environment.pythonVersion(),
                    environment.pythonSysVersion(), environment.implementation(), environment.platform(), row.capturedAt(),
                    packages);
            return Optional.of(new AnalysisEnvironment(event, analysis, CapturePhase.fromKey(row.phase()), captured,
                    users - 1));
        });
    }

    private AsimovException notRecorded(String event, String analysis, CapturePhase phase) {
        String what = event + "/" + analysis;
        if (manifest.list(event, analysis).isEmpty()) {
            return new AsimovException(ErrorKind.NOT_FOUND, "nothing is stored for " + what
                    + ": check the event and analysis names ('asimov store list' shows what is stored), or wait until"
                    + " the analysis has finished and been uploaded ('asimov monitor')");
        }
        return new AsimovException(ErrorKind.NOT_FOUND, "no " + (phase == null ? "" : phase.key() + " ")
                + "environment is recorded for " + what + ": its results are stored but no captured environment came"
                + " with them (was it built with --dryrun, or before environments were captured?)");
    }
}
