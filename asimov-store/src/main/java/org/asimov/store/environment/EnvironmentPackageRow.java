package org.asimov.store.environment;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.asimov.core.environment.PackageNames;
import org.asimov.core.environment.PackageRecord;

/** One package of one environment; written once with its environment, never changed. */
@Entity
@Table(name = "environment_packages")
public class EnvironmentPackageRow {
    @EmbeddedId
    private EnvironmentPackageKey key;

    @Column(name = "raw_name", nullable = false, updatable = false)
    private String rawName;

    @Column(name = "version", nullable = false, updatable = false)
    private String version;

    @Column(name = "build", updatable = false)
    private String build;

    @Column(name = "channel", updatable = false)
    private String channel;

    @Column(name = "source_url", updatable = false, length = 4000)
    private String sourceUrl;

    @Column(name = "editable", nullable = false, updatable = false)
    private boolean editable;

    protected EnvironmentPackageRow() {
        // for Hibernate
    }

    EnvironmentPackageRow(Long environmentId, PackageRecord record) {
        this.key = new EnvironmentPackageKey(environmentId, record.manager(), PackageNames.canonical(record.name()));
        this.rawName = record.name();
        this.version = record.version();
        this.build = record.build();
        this.channel = record.channel();
        this.sourceUrl = record.sourceUrl();
        this.editable = record.editable();
    }

    PackageRecord toRecord() {
        return new PackageRecord(key.manager(), rawName, version, build, channel, sourceUrl, editable);
    }
}
