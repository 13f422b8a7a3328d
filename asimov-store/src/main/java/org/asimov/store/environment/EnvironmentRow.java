package org.asimov.store.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

import org.asimov.core.environment.CapturedEnvironment;

/** One distinct environment (one fingerprint); the table comes from {@code V2__environments.sql}. */
@Entity
@Table(name = "environments")
public class EnvironmentRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "fingerprint", nullable = false, updatable = false, length = 64)
    private String fingerprint;

    @Column(name = "environment_type", nullable = false, updatable = false, length = 32)
    private String environmentType;

    @Column(name = "python_version", nullable = false, updatable = false, length = 64)
    private String pythonVersion;

    @Column(name = "python_sys_version", updatable = false, length = 1000)
    private String pythonSysVersion;

    @Column(name = "implementation", updatable = false, length = 64)
    private String implementation;

    @Column(name = "platform", updatable = false, length = 128)
    private String platform;

    @Column(name = "first_seen", nullable = false, updatable = false)
    private Instant firstSeen;

    /** Maintained by {@link EnvironmentRepository} with an update statement, never through the entity. */
    @Column(name = "analyses", nullable = false, insertable = false, updatable = false)
    private long analyses;

    protected EnvironmentRow() {
        // for Hibernate
    }

    EnvironmentRow(CapturedEnvironment environment) {
        this.fingerprint = environment.fingerprint();
        this.environmentType = environment.type().key();
        this.pythonVersion = environment.pythonVersion();
        this.pythonSysVersion = environment.sysVersion();
        this.implementation = environment.implementation();
        this.platform = environment.platform();
        this.firstSeen = environment.capturedAt();
    }

    Long id() {
        return id;
    }

    String fingerprint() {
        return fingerprint;
    }

    String environmentType() {
        return environmentType;
    }

    String pythonVersion() {
        return pythonVersion;
    }

    String pythonSysVersion() {
        return pythonSysVersion;
    }

    String implementation() {
        return implementation;
    }

    String platform() {
        return platform;
    }

    Instant firstSeen() {
        return firstSeen;
    }

    long analyses() {
        return analyses;
    }
}
