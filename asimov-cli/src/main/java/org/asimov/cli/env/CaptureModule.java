package org.asimov.cli.env;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.asimov.capture.PipFreezeCheck;
import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.capture.conda.CondaExporter;
import org.asimov.capture.conda.CondaMetaExporter;
import org.asimov.capture.restore.RestoreVerification;
import org.asimov.capture.system.HostSystemCapture;
import org.asimov.capture.system.SystemCapture;
import org.asimov.core.environment.EnvironmentCapture;

/** Environment capture: the interpreter probe, native pip freeze, conda list, the system beneath, and restore's check. */
public final class CaptureModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EnvironmentCapture.class).to(PythonEnvironmentCapture.class);
        bind(PythonEnvironmentCapture.class).in(Singleton.class);
        bind(InterpreterProbe.class);
        bind(PipFreezeCheck.class);
        bind(SystemCapture.class).to(HostSystemCapture.class);
        bind(HostSystemCapture.class).in(Singleton.class);
        bind(RestoreVerification.class);
    }

    @Provides
    @Singleton
    CondaExporter condaExporter() {
        return CondaMetaExporter.standard();
    }
}
