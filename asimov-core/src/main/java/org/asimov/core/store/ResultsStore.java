package org.asimov.core.store;

import java.nio.file.Path;
import java.util.List;

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

    @Override
    void close();
}
