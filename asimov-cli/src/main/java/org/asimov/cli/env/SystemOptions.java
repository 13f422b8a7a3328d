package org.asimov.cli.env;

import java.util.Locale;
import java.util.Set;

import org.asimov.capture.system.SystemCapture;
import org.asimov.capture.system.SystemCaptureOptions;
import org.asimov.core.environment.EnvironmentCapture;
import org.asimov.core.lifecycle.EnvironmentRecorder;
import org.asimov.core.project.IniFile;

import picocli.CommandLine.Option;

/** The options of the system part of a capture, shared by 'env capture' and 'manage build'. */
public final class SystemOptions {
    @Option(names = "--include-host", description = {"Record the host name in environment.json (off by default; or set [environment] "
                    + "include_host = true in asimov.conf)."})
    boolean includeHost;

    @Option(names = "--include-env", description = {"Record the environment variables in environment.json (or set [environment] include_env = "
                    + "true in asimov.conf), with values of names like *TOKEN*, *SECRET*, *PASSWORD*, *KEY* and "
                    + "credentials in URLs redacted (off by default)."})
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

    /**
     * The options, where a project's asimov.conf may switch on what the flags switch on:
     * {@code [environment] include_env = true} and {@code include_host = true}.
     */
    public SystemCaptureOptions options(IniFile config) {
        return new SystemCaptureOptions(includeHost || enabled(config, "include_host"),
                includeEnvironment || enabled(config, "include_env"), System.getenv());
    }

    /** configparser's {@code getboolean} spellings of true. */
    private static boolean enabled(IniFile config, String key) {
        return config.get("environment", key)
                .map(value -> Set.of("1", "yes", "true", "on").contains(value.strip().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    /**
     * The recorder of a lifecycle step ({@code manage build}, {@code manage submit}): with the
     * system part, these options and the project's, unless {@code --no-system}.
     */
    public EnvironmentRecorder recorder(EnvironmentCapture capture, SystemCapture systemCapture, IniFile config) {
        if (noSystem) {
            return new EnvironmentRecorder(capture);
        }
        SystemCaptureOptions options = options(config);
        return new EnvironmentRecorder(capture, interpreter -> systemCapture.capture(interpreter, options));
    }
}
