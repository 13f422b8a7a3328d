package org.asimov.cli.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.store.StoredResource;
import org.asimov.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fetch", description = {
        "Fetch a stored file.",
        "Its content is re-hashed on the way out; a mismatch is an error and nothing is written.",
        "--hash also checks it against the SHA-256 you expect."})
public final class StoreFetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EVENT")
    String event;

    @Parameters(index = "1", paramLabel = "ANALYSIS")
    String analysis;

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
        Path target = output != null ? output : Path.of(name);
        if (Files.isDirectory(target)) {
            target = target.resolve(name);
        }
        if (Files.exists(target)) {
            throw new AsimovException(ErrorKind.CONFLICT, target + " already exists; not overwriting it (choose another --output)");
        }
        try (Store store = stores.openStore(locator.project())) {
            StoredResource fetched = store.fetch(event, analysis, name, target,
                    TerminalByteProgress.forTerminal(spec.commandLine().getErr(), "fetching " + name));
            if (expectedHash != null && !fetched.sha256().equals(expectedHash.toLowerCase(Locale.ROOT))) {
                AtomicFiles.deleteQuietly(target);
                throw new AsimovException(ErrorKind.INTEGRITY, event + "/" + analysis + "/" + name + " has sha256 "
                        + fetched.sha256() + ", not the " + expectedHash + " you expected; nothing was written");
            }
            new Printer(spec).line("fetched " + name + " (" + fetched.size() + " bytes, sha256 " + fetched.sha256()
                    + ") to " + target);
        }
        return 0;
    }
}
