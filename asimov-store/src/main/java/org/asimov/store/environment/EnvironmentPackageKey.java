package org.asimov.store.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** The natural key of a package row: one name per manager per environment. */
@Embeddable
public class EnvironmentPackageKey implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "environment_id", nullable = false, updatable = false)
    private Long environmentId;

    @Column(name = "manager", nullable = false, updatable = false, length = 32)
    private String manager;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    protected EnvironmentPackageKey() {
        // for Hibernate
    }

    EnvironmentPackageKey(Long environmentId, String manager, String name) {
        this.environmentId = environmentId;
        this.manager = manager;
        this.name = name;
    }

    String manager() {
        return manager;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnvironmentPackageKey key && Objects.equals(environmentId, key.environmentId)
                && Objects.equals(manager, key.manager) && Objects.equals(name, key.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(environmentId, manager, name);
    }
}
