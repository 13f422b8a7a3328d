package org.asimov.store;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.asimov.core.names.SafeName;
import org.asimov.core.store.StoredResource;
import org.asimov.store.manifest.ManifestRepository;

/**
 * The manifest as the seed's Python API showed it ({@code store.manifest.list_resources(event,
 * production)}): which files an analysis has in the store.
 */
public final class Manifest {
    private final ManifestRepository repository;

    @Inject
    public Manifest(ManifestRepository repository) {
        this.repository = requireNonNull(repository, "repository is null");
    }

    /**
     * The files stored for one analysis, by name, in name order; empty when it has none.
     */
    public Map<String, Resource> listResources(String event, String analysis) {
        SafeName.require("event name", event);
        SafeName.require("analysis name", analysis);
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (StoredResource stored : repository.list(event, analysis)) {
            resources.put(stored.name(), Resource.of(stored));
        }
        return Collections.unmodifiableMap(resources);
    }
}
