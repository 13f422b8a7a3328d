package org.asimov.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.google.inject.AbstractModule;
import com.google.inject.Module;

import org.asimov.cli.env.CaptureModule;
import org.asimov.cli.env.EarlyCapture;
import org.asimov.cli.manage.LifecycleModule;
import org.asimov.cli.store.StoreModule;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

import picocli.CommandLine;

/** The asimov command line. The only place the injector is built (see {@link PendingInjector}) and the only caller of System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // SLF4J otherwise finds its provider with a ServiceLoader, which opens every jar on the
        // class path: about 100 ms of start-up, for the one provider asimov ships (and, told
        // which, says so on stderr unless told to keep quiet).
        defaultProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        defaultProperty("slf4j.internal.verbosity", "WARN");
        // Guice otherwise generates a class for every constructor it calls; reflection is cheaper
        // for a process that calls each constructor once, and asimov uses no method interception.
        defaultProperty("guice_bytecode_gen_option", "DISABLED");
        EarlyCapture early = EarlyCapture.startFor(args);
        CommandTree tree = CommandTree.forArguments(args);
        if (CaptureJar.lacksWhatTreeNeeds(tree)) {
            runFromFullJar(args); // whose Main ends the process
            return;
        }
        System.exit(configure(tree, early).execute(args));
    }

    private static void runFromFullJar(String[] args) {
        try {
            CaptureJar.runFromFullJar(args);
        } catch (AsimovException failed) {
            System.err.println("asimov: error: " + failed.getMessage());
            System.exit(failed.kind().exitCode());
        }
    }

    /** Sets a system property unless the user set it (e.g. through ASIMOV_JAVA_OPTS). */
    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /**
     * A fresh command line for running {@code args}, with its own injector: what tests drive,
     * exactly as main does. It holds only the commands {@code args} can reach (see
     * {@link CommandTree}); execute it with those same arguments.
     */
    public static CommandLine commandLine(String... args) {
        EarlyCapture early = EarlyCapture.startFor(args);
        return configure(CommandTree.forArguments(args), early);
    }

    /** A fresh command line that holds every command. */
    public static CommandLine commandLine() {
        return configure(CommandTree.full(), EarlyCapture.none());
    }

    private static CommandLine configure(CommandTree tree, EarlyCapture early) {
        List<Module> modules = new ArrayList<>();
        modules.add(new StrictBindings());
        modules.add(new CliModule(tree.commands()));
        for (Feature feature : tree.features()) {
            modules.add(module(feature, early));
        }
        PendingInjector injector = PendingInjector.start(modules);
        CommandLine commandLine = tree.build(new GuiceFactory(injector, tree.commands()));
        // what building the injector threw, thrown here as it was before it had a thread of its own
        injector.get();
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    private static Module module(Feature feature, EarlyCapture early) {
        return switch (feature) {
            case CAPTURE -> new CaptureModule(early);
            case LIFECYCLE -> new LifecycleModule();
            case STORE -> new StoreModule();
        };
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
