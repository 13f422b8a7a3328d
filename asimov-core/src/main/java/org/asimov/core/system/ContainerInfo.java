package org.asimov.core.system;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container a capture ran in, as far as the runtime lets the inside see it.
 *
 * @param runtime     {@code docker}, {@code podman}, {@code kubernetes}, {@code apptainer},
 *                    {@code singularity}, or {@code none}
 * @param id          the container's id, {@code null} when not exposed
 * @param image       the image name (e.g. {@code docker.io/library/debian:12}), {@code null} when not exposed
 * @param imageId     the image id or digest, {@code null} when not exposed
 * @param imagePath   the image file (Singularity/Apptainer), {@code null} otherwise
 * @param imageSha256 SHA-256 of the image file, {@code null} when there is no readable file
 * @param details     further facts the runtime exposes (labels, namespace, engine version …)
 */
public record ContainerInfo(
        String runtime,
        String id,
        String image,
        String imageId,
        String imagePath,
        String imageSha256,
        Map<String, String> details) {
    public static final ContainerInfo NONE = new ContainerInfo("none", null, null, null, null, null, Map.of());

    public ContainerInfo {
        requireNonNull(runtime, "runtime is null");
        details = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(details, "details is null")));
    }

    public boolean detected() {
        return !runtime.equals("none");
    }
}
