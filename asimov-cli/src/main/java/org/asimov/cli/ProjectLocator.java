package org.asimov.cli;

import java.nio.file.Path;

import com.google.inject.Singleton;

import org.asimov.core.project.Project;

/**
 * Finds the project a command works on: the directory given with {@code --project}, else the
 * project that contains the current directory. Found once per process.
 */
@Singleton
public final class ProjectLocator {
    private Path explicitRoot;
    private Project project;

    public void useRoot(Path root) {
        this.explicitRoot = root;
        this.project = null;
    }

    public Project project() {
        if (project == null) {
            project = explicitRoot != null ? Project.open(explicitRoot) : Project.find(Path.of(""));
        }
        return project;
    }

    /** Where {@code asimov init} creates a project: the --project directory, else the current one. */
    public Path rootForNewProject() {
        return (explicitRoot != null ? explicitRoot : Path.of("")).toAbsolutePath().normalize();
    }
}
