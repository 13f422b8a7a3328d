package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.core.environment.EnvironmentDiff;
import org.asimov.core.store.LazyResultsStore;
import org.asimov.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", description = {"Compare two environments: their interpreters, and their packages per manager.",
        "Shows what changed in the interpreter, and the packages added, removed and changed. "
                + "A and B are EVENT/ANALYSIS (optionally @build or @run) of stored analyses, or "
                + "directories holding environment files. Exit status 0 when they are identical, 1 when "
                + "they differ, like diff."},
        exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:identical", "1:different"})
public final class EnvDiffCommand implements Callable<Integer> {
    /** diff's own convention. */
    static final int DIFFERENT = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A")
    String a;

    @Parameters(index = "1", paramLabel = "B")
    String b;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    EnvDiffCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        EnvironmentSide left;
        EnvironmentSide right;
        try (LazyResultsStore opened = new LazyResultsStore(() -> stores.openStore(locator.project()))) {
            Supplier<Store> store = () -> (Store) opened.get();
            left = EnvironmentSide.resolve(a, store);
            right = EnvironmentSide.resolve(b, store);
        }
        EnvironmentDiff diff = EnvironmentDiff.between(left.environment(), right.environment());
        Printer printer = new Printer(spec);
        if (json) {
            printer.json(EnvironmentDiffOutput.json(left, right, diff));
        } else {
            EnvironmentDiffOutput.text(printer, left, right, diff);
        }
        return diff.identical() ? 0 : DIFFERENT;
    }
}
