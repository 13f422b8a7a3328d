package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.capture.restore.RecipeExecution;
import org.asimov.capture.restore.RestoreVerification;
import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.core.environment.PackageRecord;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.restore.RestoreRecipe;
import org.asimov.core.restore.RestoreScript;
import org.asimov.core.restore.RestoreSource;
import org.asimov.core.restore.Unrebuildable;
import org.asimov.core.restore.WheelhouseCheck;
import org.asimov.core.store.LazyResultsStore;
import org.asimov.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", sortOptions = false, description = {
        "Write a recipe that rebuilds a recorded environment, and run and check it.",
        "With --execute the recipe is run, with --verify the result is compared with the record. RECORD is EVENT/ANALYSIS (optionally @build or @run) of a stored analysis, or a "
                + "directory holding environment files. DIR receives: requirements.txt (pip's part, "
                + "pinned), restore.sh (makes DIR/venv with an interpreter of exactly the recorded version "
                + "and installs the record into it), conda-spec.txt (conda environments), Containerfile and "
                + "asimov-restore.def (rebuild it on the recorded OS release with its OS packages), and "
                + "README.md (what each is, and what the record alone cannot rebuild: "
                + "editable and local-path installs, which are also listed here)."},
        exitCodeListHeading = "Exit status:%n", exitCodeList = {
                "0:recipe written (and, with --execute, restored; with --verify, identical to the record)",
                "1:--verify found differences from the record",
                "4:no matching interpreter, no conda, a recorded distribution not found, or no such record",
                "5:DIR holds files (see --force), or the environment's directory is not empty",
                "11:restore.sh failed for another reason (its output says why)"})
public final class EnvRestoreCommand implements Callable<Integer> {
    /** Like env diff. */
    static final int DIFFERENT = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD", description = "EVENT/ANALYSIS[@build|@run], or a directory of environment files.")
    String record;

    @Option(names = "--into", paramLabel = "DIR", required = true,
            description = "Where to write the recipe; it must not exist or be empty (see --force).")
    Path into;

    @Option(names = "--execute", description = "Run restore.sh: create DIR/venv and install the record into it.")
    boolean execute;

    @Option(names = "--verify", description = "Capture DIR/venv and compare it with the record (interpreter and "
            + "Python packages; the environment's own paths and OS packages aside). Exit 1 when they differ. "
            + "Without --execute it checks a DIR/venv restored earlier and writes nothing.")
    boolean verify;

    @Option(names = "--find-links", paramLabel = "WHEELHOUSE",
            description = "A directory of wheels and source archives pip may install from (pip's --find-links).")
    Path findLinks;

    @Option(names = "--no-index", description = {"Install only from --find-links, never from a package index (offline). With --find-links, "
                    + "every pinned distribution missing from it is named before anything is installed."})
    boolean noIndex;

    @Option(names = "--force", description = "Write the recipe into a DIR that already holds files, replacing"
            + " only the recipe's own files (nothing is deleted).")
    boolean force;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "30",
            description = "Stop restore.sh after this many minutes (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--json", description = "Print the result as JSON (restore.sh's own output goes to standard error).")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;
    private final RestoreVerification verification;

    @Inject
    EnvRestoreCommand(ProjectLocator locator, ProjectStoreFactory stores, RestoreVerification verification) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.verification = requireNonNull(verification, "verification is null");
    }

    @Override
    public Integer call() {
        Path directory = Path.of("").toAbsolutePath().resolve(into).normalize();
        Path venv = directory.resolve("venv");
        Path wheelhouse = findLinks == null ? null : Path.of("").toAbsolutePath().resolve(findLinks).normalize();
        checkOptions(directory, venv, wheelhouse);
        RestoreSource source = readRecord();
        RestoreRecipe recipe = RestoreRecipe.of(source);
        Printer printer = new Printer(spec);
        ObjectNode result = Printer.object().put("record", record).put("directory", directory.toString());
        boolean writes = execute || !verify;
        if (writes) {
            checkDirectory(directory);
            recipe.write(directory);
            reportRecipe(printer, result, recipe, directory);
        }
        if (execute) {
            checkWheelhouse(recipe, wheelhouse);
            long start = System.nanoTime();
            if (!json) {
                printer.line("Running " + directory.resolve(RestoreScript.FILE) + " ...");
            }
            RecipeExecution.run(directory, venv, wheelhouse, noIndex, Duration.ofMinutes(timeoutMinutes),
                    line -> printer.warn("  | " + line));
            long millis = (System.nanoTime() - start) / 1_000_000;
            result.put("environment", venv.toString()).put("restore_ms", millis);
            if (!json) {
                printer.line("Restored into " + venv + " in " + String.format("%.1f", millis / 1000.0) + " s");
            }
        }
        int status = 0;
        if (verify) {
            status = verify(printer, result, source, venv);
        }
        if (json) {
            printer.json(result);
        }
        return status;
    }

    private void checkOptions(Path directory, Path venv, Path wheelhouse) {
        if (timeoutMinutes <= 0) {
            throw new AsimovException(ErrorKind.USAGE, "--timeout must be a positive number of minutes");
        }
        if (wheelhouse != null && !Files.isDirectory(wheelhouse)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "--find-links " + wheelhouse + " is not a directory");
        }
        if ((wheelhouse != null || noIndex) && !execute) {
            throw new AsimovException(ErrorKind.USAGE, "--find-links and --no-index only matter with --execute;"
                    + " without it, pass them to restore.sh yourself");
        }
        if (verify && !execute && !Files.isDirectory(venv)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, venv + " does not exist: add --execute to restore it first"
                    + " (--verify alone checks an environment restored earlier)");
        }
        if (execute && Files.exists(venv)) {
            throw new AsimovException(ErrorKind.CONFLICT, venv + " already exists; restore into another --into DIR"
                    + " (nothing was changed)");
        }
    }

    private RestoreSource readRecord() {
        try (LazyResultsStore opened = new LazyResultsStore(() -> stores.openStore(locator.project()))) {
            EnvironmentFileSet files = EnvironmentFileSet.resolve(record, () -> (Store) opened.get());
            return RestoreSource.parse(record, text(files.metadata()), text(files.pip()), text(files.conda()),
                    text(files.system()));
        }
    }

    private static String text(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    private void checkDirectory(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new AsimovException(ErrorKind.CONFLICT, directory + " exists and is not a directory; choose another --into");
        }
        if (force || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> children = Files.list(directory)) {
            if (children.findAny().isPresent()) {
                throw new AsimovException(ErrorKind.CONFLICT, directory + " already holds files; choose an empty or new"
                        + " --into DIR, or pass --force to replace the recipe's files there (nothing else is touched)");
            }
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + directory + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** With --no-index, every pin the wheelhouse lacks is named at once, before pip stops at the first. */
    private void checkWheelhouse(RestoreRecipe recipe, Path wheelhouse) {
        if (wheelhouse == null || !noIndex) {
            return;
        }
        List<String> names;
        try (Stream<Path> files = Files.list(wheelhouse)) {
            names = files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not list " + wheelhouse + ": " + AtomicFiles.describe(e), e);
        }
        List<PackageRecord> missing = WheelhouseCheck.missing(recipe.requirements().pins(), names);
        if (!missing.isEmpty()) {
            throw new AsimovException(ErrorKind.NOT_FOUND, wheelhouse + " has no distribution for " + missing.size()
                    + " of the recorded packages: " + String.join(", ", missing.stream()
                            .map(p -> p.name() + "==" + p.version()).toList())
                    + "; add them (for instance 'pip wheel --no-deps -w " + wheelhouse + " NAME==VERSION') or restore"
                    + " without --no-index. The recipe is written; nothing was installed.");
        }
    }

    private void reportRecipe(Printer printer, ObjectNode result, RestoreRecipe recipe, Path directory) {
        ArrayNode files = result.putArray("files");
        recipe.files().keySet().forEach(files::add);
        ArrayNode left = result.putArray("unrebuildable");
        for (Unrebuildable entry : recipe.requirements().unrebuildable()) {
            left.addObject().put("name", entry.name()).put("line", entry.line()).put("reason", entry.reason())
                    .put("advice", entry.advice());
        }
        if (json) {
            return;
        }
        RestoreSource source = recipe.source();
        printer.line("Recipe for " + record + " (" + source.environment().type().key() + ", Python "
                + source.pythonVersion() + ", " + recipe.requirements().lines().size() + " pip requirements"
                + (source.os() == null ? "" : ", recorded on " + source.os().displayName()) + ") written to " + directory);
        printer.line("  " + String.join(", ", recipe.files().keySet()));
        if (!recipe.requirements().unrebuildable().isEmpty()) {
            printer.line("Not rebuildable from the record alone (left out of requirements.txt; see README.md):");
            for (Unrebuildable entry : recipe.requirements().unrebuildable()) {
                printer.line("  - " + entry.name() + ": " + entry.reason());
                printer.line("    to do: " + entry.advice());
            }
        }
    }

    private int verify(Printer printer, ObjectNode result, RestoreSource source, Path venv) {
        RestoreVerification.Verified verified = verification.verify(source.environment(), venv);
        EnvironmentSide recorded = new EnvironmentSide(record, source.environment());
        EnvironmentSide restored = new EnvironmentSide(venv.toString(), verified.restored());
        if (json) {
            result.set("verify", EnvironmentDiffOutput.json(recorded, restored, verified.diff()));
        } else {
            printer.line("Verify: the restored environment against the record");
            EnvironmentDiffOutput.text(printer, recorded, restored, verified.diff());
        }
        return verified.diff().identical() ? 0 : DIFFERENT;
    }
}
