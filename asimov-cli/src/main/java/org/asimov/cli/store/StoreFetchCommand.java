package org.asimov.cli.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.AnalysisArguments;
import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.store.StoredResource;
import org.asimov.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fetch", description = {
        "Fetch a stored file.",
        "Its content is re-hashed on the way out; a mismatch is an error and nothing is written. "
                + "--hash also checks it against the SHA-256 you expect."})
public final class StoreFetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalysisArguments coordinates;

    @Parameters(index = "2", paramLabel = "NAME")
    String name;

    @Option(names = "--output", paramLabel = "PATH", description = "Where to write it (default: NAME in the current directory).")
    Path output;

    @Option(names = "--hash", paramLabel = "SHA256", description = "The SHA-256 the content must have.")
    String expectedHash;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    StoreFetchCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        String event = coordinates.event();
        String analysis = coordinates.analysis();
        Path destination = output != null ? output : Path.of(name);
        if (Files.isDirectory(destination)) {
            destination = destination.resolve(name);
        }
        if (Files.exists(destination)) {
            throw new AsimovException(ErrorKind.CONFLICT, destination + " already exists; not overwriting it (choose another --output)");
        }
        try (Store store = stores.openStore(locator.project())) {
            String recorded = store.resource(event, analysis, name).sha256();
            if (expectedHash != null && !recorded.equals(expectedHash.toLowerCase(Locale.ROOT))) {
                throw new AsimovException(ErrorKind.INTEGRITY, event + "/" + analysis + "/" + name + " has sha256 "
                        + recorded + ", not the " + expectedHash + " you expected; nothing was written");
            }
            StoredResource fetched = store.fetch(event, analysis, name, destination,
                    TerminalByteProgress.forTerminal(spec.commandLine().getErr(), "fetching " + name));
            new Printer(spec).line("fetched " + name + " (" + fetched.size() + " bytes, sha256 " + fetched.sha256()
                    + ") to " + destination);
        }
        return 0;
    }
}
