package org.asimov.core.environment;

import java.nio.file.Path;

/** The names asimov gives the environment files in a run directory and in the store. */
public final class EnvironmentFiles {
    public static final String METADATA = "environment.json";
    public static final String PIP = "environment-pip.txt";
    public static final String CONDA = "environment-conda.txt";
    /** The OS packages that own the libraries compiled extensions load; written with a system report. */
    public static final String SYSTEM = "environment-system.txt";

    /** Where the run-time capture goes in a run directory, beside the build capture's files. */
    public static final String RUN_DIRECTORY = "run-environment";

    /** The run-time capture's files are stored as run-environment.json, run-environment-pip.txt, ... */
    public static final String RUN_PREFIX = "run-";

    private EnvironmentFiles() {
    }

    /**
     * Where the files of one capture were written; {@code conda} is {@code null} unless the
     * environment is a conda one.
     */
    public record Written(Path metadata, Path pip, Path conda) {
    }
}
