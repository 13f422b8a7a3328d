package org.asimov.store.environment;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.PackageRecord;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.db.SqlErrors;
import org.asimov.store.db.StoreDatabase;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes captured environments as rows: one environment row per fingerprint with its packages,
 * and one link per (event, analysis, phase). Recording is idempotent, and safe when two
 * processes record the same new environment at once: the loser's insert fails on the unique
 * fingerprint, and its next attempt finds the winner's committed rows and links to them.
 */
public final class EnvironmentRepository {
    private static final Logger log = LoggerFactory.getLogger(EnvironmentRepository.class);

    /** One race lost per row that can be raced for (environment, link), and one to spare. */
    private static final int ATTEMPTS = 3;

    private final StoreDatabase database;

    @Inject
    public EnvironmentRepository(StoreDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    /**
     * Records that the analysis used {@code environment} in {@code phase}. The same again is a
     * no-op; a different environment for an analysis and phase already recorded is a CONFLICT
     * (captures are write-once, like the files they come from).
     */
    public Recorded record(String event, String analysis, CapturePhase phase, CapturedEnvironment environment) {
        requireNonNull(event, "event is null");
        requireNonNull(analysis, "analysis is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(environment, "environment is null");
        for (int attempt = 1; ; attempt++) {
            try {
                return database.fromTransaction(session -> recordIn(session, event, analysis, phase, environment));
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new AsimovException(ErrorKind.DATABASE, "could not record the environment of " + event + "/"
                            + analysis + ": the database kept refusing it as a duplicate: " + SqlErrors.describe(e), e);
                }
                log.debug("another process recorded {} or its environment first; reading its rows", event + "/" + analysis);
            }
        }
    }

    private static Recorded recordIn(Session session, String event, String analysis, CapturePhase phase,
            CapturedEnvironment environment) {
        Optional<AnalysisEnvironmentRow> existing = link(session, event, analysis, phase);
        if (existing.isPresent()) {
            EnvironmentRow recorded = session.find(EnvironmentRow.class, existing.get().environmentId());
            if (recorded.fingerprint().equals(environment.fingerprint())) {
                return Recorded.ALREADY_RECORDED;
            }
            throw new AsimovException(ErrorKind.CONFLICT, "the " + phase.key() + " environment of " + event + "/" + analysis
                    + " is already recorded as " + recorded.fingerprint() + " (captured " + existing.get().capturedAt()
                    + "); the files now give " + environment.fingerprint() + ". Recorded environments are write-once");
        }
        Recorded outcome = Recorded.SHARED_ENVIRONMENT;
        EnvironmentRow row = byFingerprint(session, environment.fingerprint()).orElse(null);
        if (row == null) {
            row = new EnvironmentRow(environment);
            session.persist(row);
            session.flush();
            for (PackageRecord record : environment.packages()) {
                session.persist(new EnvironmentPackageRow(row.id(), record));
            }
            outcome = Recorded.NEW_ENVIRONMENT;
        }
        if (!linkedInAnotherPhase(session, event, analysis, row.id())) {
            // In the transaction that writes the link, so a link that loses a race is not counted.
            session.createMutationQuery("update EnvironmentRow e set e.analyses = e.analyses + 1 where e.id = :id")
                    .setParameter("id", row.id()).executeUpdate();
        }
        session.persist(new AnalysisEnvironmentRow(event, analysis, phase, row.id(),
                environment.capturedAt().truncatedTo(ChronoUnit.MICROS)));
        session.flush();
        return outcome;
    }

    static Optional<AnalysisEnvironmentRow> link(Session session, String event, String analysis, CapturePhase phase) {
        return session.createSelectionQuery("from AnalysisEnvironmentRow l where l.event = :event"
                        + " and l.analysis = :analysis and l.phase = :phase", AnalysisEnvironmentRow.class)
                .setParameter("event", event)
                .setParameter("analysis", analysis)
                .setParameter("phase", phase.key())
                .uniqueResultOptional();
    }

    private static boolean linkedInAnotherPhase(Session session, String event, String analysis, Long environmentId) {
        return session.createSelectionQuery("select count(*) from AnalysisEnvironmentRow l where l.event = :event"
                        + " and l.analysis = :analysis and l.environmentId = :id", Long.class)
                .setParameter("event", event)
                .setParameter("analysis", analysis)
                .setParameter("id", environmentId)
                .getSingleResult() > 0;
    }

    static Optional<EnvironmentRow> byFingerprint(Session session, String fingerprint) {
        return session.createSelectionQuery("from EnvironmentRow e where e.fingerprint = :fingerprint", EnvironmentRow.class)
                .setParameter("fingerprint", fingerprint)
                .uniqueResultOptional();
    }
}
