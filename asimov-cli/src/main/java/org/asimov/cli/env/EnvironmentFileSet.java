package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentFilesReader;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.Store;

/**
 * The files of one capture, found from an {@link EnvironmentReference}; a stored analysis
 * without a phase means its build capture. Stored files are the store's
 * re-hashed, read-only blobs: read or copy them, never write to them.
 *
 * @param label    how the record is named in output: what the user typed
 * @param metadata environment.json
 * @param pip      environment-pip.txt
 * @param conda    environment-conda.txt, {@code null} unless the environment is a conda one
 * @param system   environment-system.txt, {@code null} when the capture wrote none
 */
public record EnvironmentFileSet(String label, Path metadata, Path pip, Path conda, Path system) {
    public EnvironmentFileSet {
        requireNonNull(label, "label is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(pip, "pip is null");
    }

    /**
     * @param store opened only when the spec names a stored analysis, so reading directories
     *        never boots the database
     */
    public static EnvironmentFileSet resolve(String spec, Supplier<Store> store) {
        EnvironmentReference reference = EnvironmentReference.parse(spec);
        if (reference.isDirectory()) {
            return inDirectory(spec, reference.directory());
        }
        CapturePhase phase = reference.phase() == null ? CapturePhase.BUILD : reference.phase();
        return stored(spec, store.get(), reference.event(), reference.analysis(), phase);
    }

    private static EnvironmentFileSet inDirectory(String label, Path directory) {
        Path metadata = directory.resolve(EnvironmentFiles.METADATA);
        Path pip = directory.resolve(EnvironmentFiles.PIP);
        if (!Files.isRegularFile(metadata) || !Files.isRegularFile(pip)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, directory + " holds no captured environment: "
                    + EnvironmentFiles.METADATA + " and " + EnvironmentFiles.PIP + " are both needed");
        }
        return new EnvironmentFileSet(label, metadata, pip, existingOrNull(directory.resolve(EnvironmentFiles.CONDA)),
                existingOrNull(directory.resolve(EnvironmentFiles.SYSTEM)));
    }

    private static EnvironmentFileSet stored(String label, Store store, String event, String analysis, CapturePhase phase) {
        String prefix = Store.storedPrefix(phase);
        Set<String> names = store.manifest().listResources(event, analysis).keySet();
        if (!names.contains(prefix + EnvironmentFiles.METADATA)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "no " + phase.key() + " environment is stored for "
                    + event + "/" + analysis + ": see 'asimov store list " + event + " " + analysis + "'");
        }
        return new EnvironmentFileSet(label,
                store.fetchFile(event, analysis, prefix + EnvironmentFiles.METADATA),
                store.fetchFile(event, analysis, prefix + EnvironmentFiles.PIP),
                storedOrNull(store, names, event, analysis, prefix + EnvironmentFiles.CONDA),
                storedOrNull(store, names, event, analysis, prefix + EnvironmentFiles.SYSTEM));
    }

    private static Path storedOrNull(Store store, Set<String> names, String event, String analysis, String name) {
        return names.contains(name) ? store.fetchFile(event, analysis, name) : null;
    }

    private static Path existingOrNull(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }

    /** The capture, parsed. */
    public CapturedEnvironment read() {
        return EnvironmentFilesReader.read(metadata, pip, conda, system);
    }
}
