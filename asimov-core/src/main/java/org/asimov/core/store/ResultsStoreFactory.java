package org.asimov.core.store;

import org.asimov.core.project.Project;

/**
 * Opens a project's results store. Opening boots the database, so callers open it only when a
 * command really touches the store.
 */
public interface ResultsStoreFactory {
    ResultsStore open(Project project);
}
