package org.asimov.cli;

import java.io.PrintWriter;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;

import org.asimov.cli.env.CaptureModule;
import org.asimov.cli.manage.LifecycleModule;
import org.asimov.cli.store.StoreModule;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

import picocli.CommandLine;

/** The asimov command line. The only place the injector is built and the only caller of System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A fresh command line, with its own injector: what tests drive, exactly as main does. */
    public static CommandLine commandLine() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new StrictBindings(),
                new CliModule(), new LifecycleModule(), new CaptureModule(), new StoreModule());
        CommandLine commandLine = new CommandLine(AsimovCommand.class, new GuiceFactory(injector));
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Every binding is written down in a module, and no proxy hides a dependency cycle (airlift's Bootstrap). */
    private static final class StrictBindings extends AbstractModule {
        @Override
        protected void configure() {
            binder().requireExplicitBindings();
            binder().disableCircularProxies();
        }
    }

    private static int handle(Exception exception, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (exception instanceof AsimovException asimov) {
            err.println("asimov: error: " + asimov.getMessage());
            err.flush();
            return asimov.kind().exitCode();
        }
        err.println("asimov: internal error: " + exception + "; please report it with the trace below");
        exception.printStackTrace(err);
        err.flush();
        return ErrorKind.INTERNAL.exitCode();
    }
}
