package org.asimov.cli;

/**
 * A part of asimov that commands use beyond what {@link CliModule} binds for all of them. Each
 * is bound by one Guice module, and a run installs only the modules of the commands it builds
 * (see {@link CommandTree}): Guice reflects over every module it is given, cold, on each run.
 */
enum Feature {
    /** Interpreter probe, pip freeze, conda list, the system beneath: {@code CaptureModule}. */
    CAPTURE,
    /** Pipelines and the build, submit and monitor steps: {@code LifecycleModule}. */
    LIFECYCLE,
    /** The project's results store: {@code StoreModule}. */
    STORE
}
