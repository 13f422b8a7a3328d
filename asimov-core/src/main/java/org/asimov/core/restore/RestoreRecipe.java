package org.asimov.core.restore;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;

/**
 * Everything {@code env restore} writes into its directory, by file name, in the order written:
 * requirements.txt, conda-spec.txt (conda only), restore.sh, Containerfile, asimov-restore.def
 * and README.md.
 *
 * @param requirements  the pip part, with what it could not pin
 * @param files         file name to content
 */
public record RestoreRecipe(RestoreSource source, PipRequirements requirements, Map<String, String> files) {
    public static final String REQUIREMENTS = "requirements.txt";

    public RestoreRecipe {
        requireNonNull(source, "source is null");
        requireNonNull(requirements, "requirements is null");
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(files, "files is null")));
    }

    public static RestoreRecipe of(RestoreSource source) {
        PipRequirements requirements = source.isConda()
                ? PipRequirements.of(source.pipText(), CondaSpec.pipInstalled(source.condaText())::contains)
                : PipRequirements.of(source.pipText());
        List<String> inputs = new ArrayList<>(List.of(RestoreScript.FILE, REQUIREMENTS));
        if (source.isConda()) {
            inputs.add(CondaSpec.FILE);
        }
        ContainerRecipe container = ContainerRecipe.of(source, inputs);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(REQUIREMENTS, requirements.text(source.label()));
        if (source.isConda()) {
            files.put(CondaSpec.FILE, CondaSpec.text(source.label(), source.condaText()));
        }
        files.put(RestoreScript.FILE, RestoreScript.text(source));
        files.put(ContainerRecipe.CONTAINERFILE, container.containerfile());
        files.put(ContainerRecipe.APPTAINER, container.apptainerDefinition());
        List<String> described = new ArrayList<>(files.keySet());
        files.put(RestoreNotes.FILE, RestoreNotes.text(source, described, requirements.unrebuildable()));
        return new RestoreRecipe(source, requirements, files);
    }

    /** Writes every file into {@code directory} (created when missing), each atomically; restore.sh executable. */
    public List<Path> write(Path directory) {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            AtomicFiles.writeString(path, file.getValue());
            written.add(path);
        }
        Path script = directory.resolve(RestoreScript.FILE);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: 'sh restore.sh' still works
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not make " + script + " executable: " + AtomicFiles.describe(e), e);
        }
        return written;
    }
}
