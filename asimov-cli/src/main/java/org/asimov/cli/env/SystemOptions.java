package org.asimov.cli.env;

import org.asimov.capture.system.SystemCapture;
import org.asimov.capture.system.SystemCaptureOptions;
import org.asimov.core.system.SystemReporter;

import picocli.CommandLine.Option;

/** The options of the system part of a capture, shared by 'env capture' and 'manage build'. */
public final class SystemOptions {
    @Option(names = "--include-host", description = "Record the host name in environment.json (off by default).")
    boolean includeHost;

    @Option(names = "--include-env", description = {
            "Record the environment variables in environment.json, with values of names like *TOKEN*,",
            "*SECRET*, *PASSWORD*, *KEY* and credentials in URLs redacted (off by default)."})
    boolean includeEnvironment;

    @Option(names = "--no-system", description = {
            "Capture the Python environment only: no OS, libraries, container or environment-system.txt."})
    boolean noSystem;

    public boolean enabled() {
        return !noSystem;
    }

    /** This process's environment is the one the interpreter probe runs in, so it is the one described. */
    public SystemCaptureOptions options() {
        return new SystemCaptureOptions(includeHost, includeEnvironment, System.getenv());
    }

    /** A reporter with these options; {@code null} with {@code --no-system}. */
    public SystemReporter reporter(SystemCapture capture) {
        SystemCaptureOptions options = options();
        return noSystem ? null : interpreter -> capture.capture(interpreter, options);
    }
}
