package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

import org.asimov.capture.PipFreezeCheck;
import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.restore.RestoreVerification;
import org.asimov.capture.system.HostSystemCapture;
import org.asimov.capture.system.SystemCapture;
import org.asimov.core.environment.EnvironmentCapture;

/**
 * Environment capture: the interpreter probe, native pip freeze, conda list, the system
 * beneath, and restore's check; and the capture {@link EarlyCapture} may have started before
 * the injector existed.
 */
public final class CaptureModule extends AbstractModule {
    private final EarlyCapture early;

    public CaptureModule(EarlyCapture early) {
        this.early = requireNonNull(early, "early is null");
    }

    @Override
    protected void configure() {
        bind(EnvironmentCapture.class).to(PythonEnvironmentCapture.class);
        bind(PipFreezeCheck.class);
        bind(SystemCapture.class).to(HostSystemCapture.class);
        bind(HostSystemCapture.class).in(Singleton.class);
        bind(RestoreVerification.class);
        bind(EarlyCapture.class).toInstance(early);
        // the same capture as EarlyCapture's; an instance rather than a @Provides method, which
        // costs Guice reflection over the module on every run (see CliModule)
        bind(PythonEnvironmentCapture.class).toInstance(PythonEnvironmentCapture.standard());
    }
}
