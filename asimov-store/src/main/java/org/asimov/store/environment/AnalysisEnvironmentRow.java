package org.asimov.store.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

import org.asimov.core.environment.CapturePhase;

/** Which environment one analysis used in one phase, and when it was captured. */
@Entity
@Table(name = "analysis_environments")
public class AnalysisEnvironmentRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event", nullable = false, updatable = false)
    private String event;

    @Column(name = "analysis", nullable = false, updatable = false)
    private String analysis;

    @Column(name = "phase", nullable = false, updatable = false, length = 16)
    private String phase;

    @Column(name = "environment_id", nullable = false, updatable = false)
    private Long environmentId;

    @Column(name = "captured_at", nullable = false, updatable = false)
    private Instant capturedAt;

    protected AnalysisEnvironmentRow() {
        // for Hibernate
    }

    AnalysisEnvironmentRow(String event, String analysis, CapturePhase phase, Long environmentId, Instant capturedAt) {
        this.event = event;
        this.analysis = analysis;
        this.phase = phase.key();
        this.environmentId = environmentId;
        this.capturedAt = capturedAt;
    }

    String phase() {
        return phase;
    }

    Long environmentId() {
        return environmentId;
    }

    Instant capturedAt() {
        return capturedAt;
    }
}
