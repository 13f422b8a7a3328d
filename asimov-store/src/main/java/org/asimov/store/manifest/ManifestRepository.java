package org.asimov.store.manifest;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.store.StoredResource;
import org.asimov.store.blob.Blob;
import org.asimov.store.db.SqlErrors;
import org.asimov.store.db.StoreDatabase;
import org.hibernate.Session;

/** Reads and writes manifest rows. Knows nothing of blobs on disk. */
public final class ManifestRepository {
    /** Keeps IN lists well inside what both databases accept. */
    private static final int IN_LIST_CHUNK = 500;

    private final StoreDatabase database;

    @Inject
    public ManifestRepository(StoreDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    public Optional<StoredResource> find(String event, String analysis, String name) {
        return database.fromTransaction(session -> find(session, event, analysis, name));
    }

    private static Optional<StoredResource> find(Session session, String event, String analysis, String name) {
        return session.createSelectionQuery(
                        "from ManifestEntry e where e.event = :event and e.analysis = :analysis and e.name = :name",
                        ManifestEntry.class)
                .setParameter("event", event)
                .setParameter("analysis", analysis)
                .setParameter("name", name)
                .uniqueResultOptional()
                .map(ManifestEntry::toResource);
    }

    /**
     * Records {@code wanted} unless its (event, analysis, name) is taken, and returns the row
     * that stands afterwards: {@code wanted}, or the row that was there first. Another process
     * inserting the same row at the same moment makes our insert fail on the unique
     * constraint; then the row it committed is read back and returned like any earlier row.
     * The caller compares hashes: the store is write-once.
     */
    public StoredResource recordIfAbsent(StoredResource wanted) {
        requireNonNull(wanted, "wanted is null");
        try {
            return database.fromTransaction(session -> {
                Optional<StoredResource> existing = find(session, wanted.event(), wanted.analysis(), wanted.name());
                if (existing.isPresent()) {
                    return existing.get();
                }
                session.persist(new ManifestEntry(wanted));
                session.flush();
                return wanted;
            });
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            return find(wanted.event(), wanted.analysis(), wanted.name())
                    .orElseThrow(() -> new AsimovException(ErrorKind.DATABASE, "the store's database refused "
                            + wanted.event() + "/" + wanted.analysis() + "/" + wanted.name()
                            + " as a duplicate but holds no such row: " + SqlErrors.describe(e), e));
        }
    }

    /**
     * Rows ordered by event, analysis and name; {@code null} for event or analysis matches any.
     */
    public List<StoredResource> list(String event, String analysis) {
        StringBuilder query = new StringBuilder("from ManifestEntry e where 1 = 1");
        if (event != null) {
            query.append(" and e.event = :event");
        }
        if (analysis != null) {
            query.append(" and e.analysis = :analysis");
        }
        query.append(" order by e.event, e.analysis, e.name");
        return database.fromTransaction(session -> {
            var select = session.createSelectionQuery(query.toString(), ManifestEntry.class);
            if (event != null) {
                select.setParameter("event", event);
            }
            if (analysis != null) {
                select.setParameter("analysis", analysis);
            }
            return select.getResultList().stream().map(ManifestEntry::toResource).toList();
        });
    }

    /** Every distinct blob the manifest points at, with the size its rows record. */
    public List<Blob> referencedBlobs() {
        return database.fromTransaction(session -> session.createSelectionQuery(
                        "select distinct e.sha256, e.size from ManifestEntry e order by e.sha256", Object[].class)
                .getResultList().stream()
                .map(row -> new Blob((String) row[0], (Long) row[1]))
                .toList());
    }

    /** The rows that point at any of these blobs. */
    public List<StoredResource> rowsReferencing(Collection<String> sha256s) {
        List<String> all = List.copyOf(sha256s);
        List<StoredResource> rows = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
            rows.addAll(database.fromTransaction(session -> session.createSelectionQuery(
                            "from ManifestEntry e where e.sha256 in :shas order by e.event, e.analysis, e.name",
                            ManifestEntry.class)
                    .setParameter("shas", chunk)
                    .getResultList().stream().map(ManifestEntry::toResource).toList()));
        }
        return rows;
    }

    /** Whether any row points at this blob. */
    public boolean isReferenced(String sha256) {
        return database.fromTransaction(session -> session.createSelectionQuery(
                        "select count(*) from ManifestEntry e where e.sha256 = :sha", Long.class)
                .setParameter("sha", sha256)
                .getSingleResult() > 0);
    }

    /** Number of rows and the sum of their sizes. */
    public Totals totals() {
        return database.fromTransaction(session -> {
            Object[] row = session.createSelectionQuery(
                    "select count(*), coalesce(sum(e.size), 0) from ManifestEntry e", Object[].class).getSingleResult();
            return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        });
    }

    public record Totals(long rows, long bytes) {
    }
}
