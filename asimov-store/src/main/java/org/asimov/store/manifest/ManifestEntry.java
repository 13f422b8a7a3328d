package org.asimov.store.manifest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

import org.asimov.core.store.StoredResource;

/**
 * One manifest row: a named file of one analysis and the blob holding its content. Rows are
 * write-once, so the entity has no setters; the table comes from {@code V1__manifest.sql}.
 */
@Entity
@Table(name = "manifest")
public class ManifestEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event", nullable = false, updatable = false)
    private String event;

    @Column(name = "analysis", nullable = false, updatable = false)
    private String analysis;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "stored_at", nullable = false, updatable = false)
    private Instant storedAt;

    protected ManifestEntry() {
        // for Hibernate
    }

    ManifestEntry(StoredResource resource) {
        this.event = resource.event();
        this.analysis = resource.analysis();
        this.name = resource.name();
        this.sha256 = resource.sha256();
        this.size = resource.size();
        this.storedAt = resource.storedAt();
    }

    StoredResource toResource() {
        return new StoredResource(event, analysis, name, sha256, size, storedAt);
    }
}
