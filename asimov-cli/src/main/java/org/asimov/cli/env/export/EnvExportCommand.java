package org.asimov.cli.env.export;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.env.EnvironmentFileSet;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.store.LazyResultsStore;
import org.asimov.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asimov env export}: a recorded environment in the formats other tools read. Only this
 * command touches the CycloneDX library, and only once it runs, so no other command loads it.
 */
@Command(name = "export", description = {"Write a recorded environment in a format other tools read.",
        "RECORD is EVENT/ANALYSIS (optionally @build or @run) of a stored analysis, or a "
                + "directory holding environment files. Formats:",
        "  cyclonedx     a CycloneDX 1.6 JSON bill of materials: every package with",
        "                its package URL (pkg:pypi, pkg:conda with channel and subdir,",
        "                pkg:deb, pkg:rpm), the interpreter and the operating system",
        "                as components",
        "  requirements  the recorded pip freeze (environment-pip.txt), pinned",
        "  conda         the recorded conda list --export (environment-conda.txt);",
        "                conda environments only",
        "  json          the recorded environment.json"})
public final class EnvExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD")
    String record;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "cyclonedx, requirements, conda or json.")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (atomically) instead of printing.")
    Path output;

    @Option(names = "--force", description = "Overwrite FILE when it exists.")
    boolean force;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;
    private final Clock clock;

    @Inject
    EnvExportCommand(ProjectLocator locator, ProjectStoreFactory stores, Clock clock) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Integer call() {
        ExportFormat wanted = ExportFormat.fromKey(format);
        if (output != null && !force && Files.exists(output)) {
            throw new AsimovException(ErrorKind.CONFLICT, output + " already exists; not overwriting it"
                    + " (choose another --output, or add --force)");
        }
        ExportedEnvironment exported;
        try (LazyResultsStore opened = new LazyResultsStore(() -> stores.openStore(locator.project()))) {
            exported = ExportedEnvironment.read(EnvironmentFileSet.resolve(record, () -> (Store) opened.get()));
        }
        String text = switch (wanted) {
            case CYCLONEDX -> CycloneDxDocument.render(exported, clock.instant());
            case REQUIREMENTS -> exported.pipText();
            case JSON -> exported.metadataText();
            case CONDA -> conda(exported);
        };
        Printer printer = new Printer(spec);
        if (output == null) {
            printer.text(text);
        } else {
            AtomicFiles.writeString(output, text);
            printer.warn("Exported " + exported.label() + " as " + wanted.key() + " to " + output);
        }
        return 0;
    }

    private static String conda(ExportedEnvironment exported) {
        if (exported.condaText() == null) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, exported.label() + " is a "
                    + exported.environment().type().key() + " environment: it has no conda packages to export"
                    + " (use --format requirements for its pip packages)");
        }
        return exported.condaText();
    }
}
