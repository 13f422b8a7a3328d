package org.asimov.core.store;

import java.nio.file.Path;
import java.util.List;

import org.asimov.core.environment.CapturePhase;

/**
 * The results store as the analysis life sees it: put files of an analysis, list them, fetch
 * them back. Content-addressed and write-once; implemented by asimov-store.
 */
public interface ResultsStore extends AutoCloseable {
    /**
     * Stores {@code file} under (event, analysis, name). Storing the same content again under
     * the same name is a no-op; different content under a stored name is a CONFLICT.
     */
    StoredResource put(String event, String analysis, String name, Path file);

    /** The resources of one analysis, ordered by name. */
    List<StoredResource> list(String event, String analysis);

    /** Every resource, or those of one event when {@code analysis} is null, or all when both are. */
    List<StoredResource> listAll(String event, String analysis);

    /**
     * Copies one resource to {@code output}, re-hashing as it goes; a hash mismatch is an
     * INTEGRITY error and leaves nothing at {@code output}.
     */
    StoredResource fetch(String event, String analysis, String name, Path output);

    /**
     * Records an analysis's captured environment, read from its files, as rows: the environment
     * once per fingerprint however many analyses share it, and a link from the analysis and
     * phase to it. Recording the same again is a no-op; another environment for a recorded
     * analysis and phase is a CONFLICT.
     *
     * @param conda environment-conda.txt, or {@code null} unless the environment is a conda one
     * @param system environment-system.txt (OS packages, as {@code dpkg}, {@code rpm} ... rows), or {@code null}
     */
    void recordEnvironment(String event, String analysis, CapturePhase phase, Path metadata, Path pip, Path conda,
            Path system);

    @Override
    void close();
}
