package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one site-packages anchor into the record conda lists for it: conda's
 * {@code read_python_record} with {@code PythonDistribution.init}.
 *
 * <ul>
 *   <li>{@code *.dist-info}: needs a METADATA file and a readable RECORD, else conda leaves it out;
 *       build {@code pypi_0}. PEP 660 editable installs are dist-infos and list the same way.</li>
 *   <li>{@code *.egg-info} file or directory, {@code *.egg} directory: metadata from the file, or
 *       METADATA then PKG-INFO in the directory; an {@code installed-files.txt}, when present, must
 *       be readable; build {@code pypi_0}.</li>
 *   <li>{@code *.egg-link}: its first line names the project directory, which must hold exactly
 *       one {@code *.egg-info}; build {@code dev_0}.</li>
 * </ul>
 * Name: {@link PypiNameNormaliser} of {@code Name:}; version: {@code Version:} verbatim. Without a
 * version conda's record validation fails and it leaves the distribution out; without a name
 * conda lists it under the empty name. Where conda would stop with an exception (undecodable
 * metadata, an egg-link to several egg-infos, an unparsable manifest) we leave the distribution
 * out and warn instead.
 */
public final class SitePackagesDistributionReader {
    private final PypiNameNormaliser names;

    @Inject
    public SitePackagesDistributionReader(PypiNameNormaliser names) {
        this.names = requireNonNull(names, "names is null");
    }

    /** What reading one anchor gave: the distribution or {@code null}, and any warnings. */
    public record Read(SitePackagesDistribution distribution, List<String> warnings) {
        public Read {
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
            if (distribution == null && warnings.isEmpty()) {
                throw new IllegalArgumentException("a distribution left out needs a warning saying why");
            }
        }

        static Read skipped(String anchor, String why) {
            return new Read(null, List.of("site-packages distribution " + anchor + " left out, as conda list leaves it out: " + why));
        }

        static Read failed(String anchor, String why) {
            return new Read(null, List.of("site-packages distribution " + anchor
                    + " left out (conda list would stop with an error here): " + why));
        }
    }

    public Read read(Path prefix, String anchor) {
        if (anchor.endsWith(".egg-link")) {
            return readEggLink(prefix, anchor);
        }
        if (anchor.contains(".dist-info")) {
            return readDistInfo(prefix, anchor);
        }
        if (anchor.endsWith(".egg-info")) {
            return readEggInfo(anchor, prefix.resolve(anchor), null);
        }
        // "X.egg-info/PKG-INFO" and "X.egg/EGG-INFO/PKG-INFO": the metadata directory is the parent.
        return readEggInfo(anchor, prefix.resolve(anchor).getParent(), null);
    }

    private Read readDistInfo(Path prefix, String anchor) {
        Path dir = prefix.resolve(anchor).getParent();
        if (!Files.isDirectory(dir)) {
            return Read.skipped(anchor, "not a directory");
        }
        Path metadata = dir.resolve("METADATA");
        if (!Files.isRegularFile(metadata)) {
            return Read.skipped(anchor, "no METADATA file");
        }
        Path record = dir.resolve("RECORD");
        if (!Files.isRegularFile(record)) {
            return Read.skipped(anchor, "no RECORD file");
        }
        Optional<String> manifestProblem = InstalledFilesManifest.problem(record);
        if (manifestProblem.isPresent()) {
            return Read.failed(anchor, manifestProblem.get());
        }
        return fromMetadata(anchor, metadata, SitePackagesDistribution.PYPI_BUILD, null);
    }

    /**
     * An egg-info whose metadata is at {@code location}: a PKG-INFO-style file, or a directory
     * holding METADATA or PKG-INFO. {@code developLocation} is the project directory an
     * egg-link points at, {@code null} for an installed egg-info.
     */
    private Read readEggInfo(String anchor, Path location, Path developLocation) {
        boolean develop = developLocation != null;
        Path metadataDir;
        Path metadata;
        if (Files.isRegularFile(location)) {
            metadataDir = location.getParent();
            metadata = location;
        } else if (Files.isDirectory(location)) {
            metadataDir = location;
            metadata = firstFile(location, "METADATA", "PKG-INFO");
        } else {
            return Read.failed(anchor, "path not found: " + location);
        }
        if (!develop) {
            // is_manageable: the first existing of installed-files.txt, SOURCES, SOURCES.txt is
            // installed-files.txt; only then does conda read it. egg-links are never manageable.
            Path manifest = firstFile(metadataDir, "installed-files.txt", "SOURCES", "SOURCES.txt");
            if (manifest != null && manifest.getFileName().toString().equals("installed-files.txt")) {
                Optional<String> manifestProblem = InstalledFilesManifest.problem(manifest);
                if (manifestProblem.isPresent()) {
                    return Read.failed(anchor, manifestProblem.get());
                }
            }
        }
        String build = develop ? SitePackagesDistribution.DEVELOP_BUILD : SitePackagesDistribution.PYPI_BUILD;
        if (metadata == null) {
            return Read.skipped(anchor, "no METADATA or PKG-INFO, so no version");
        }
        return fromMetadata(anchor, metadata, build, developLocation);
    }

    /** conda's {@code get_dist_file_from_egg_link}, then the egg-info it finds. */
    private Read readEggLink(Path prefix, String anchor) {
        String target;
        try {
            String text = StrictText.read(prefix.resolve(anchor));
            if (text.isEmpty()) {
                return Read.failed(anchor, "the egg-link is empty"); // readlines()[0] raises IndexError
            }
            int newline = text.indexOf('\n');
            target = PythonText.strip(newline < 0 ? text : text.substring(0, newline + 1));
        } catch (CharacterCodingException e) {
            return Read.failed(anchor, "the egg-link is not UTF-8");
        } catch (IOException e) {
            return Read.skipped(anchor, "cannot read the egg-link (" + e.getClass().getSimpleName() + ")");
        }
        // conda checks the path as written, so a relative one is taken from the working directory.
        Path project;
        try {
            project = Path.of(target);
        } catch (InvalidPathException e) {
            return Read.skipped(anchor, "its target is not a path: " + e.getMessage());
        }
        if (!Files.exists(project, LinkOption.NOFOLLOW_LINKS)) {
            return Read.skipped(anchor, "its target " + target + " does not exist");
        }
        List<Path> eggInfos = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(project)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().endsWith(".egg-info")) {
                    eggInfos.add(entry);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // the stream's iterator reports read errors unchecked
            return Read.skipped(anchor, "cannot list its target " + target + " (" + e.getClass().getSimpleName() + ")");
        }
        if (eggInfos.isEmpty()) {
            return Read.skipped(anchor, "its target " + target + " has no .egg-info");
        }
        if (eggInfos.size() > 1) {
            return Read.failed(anchor, "its target " + target + " has " + eggInfos.size()
                    + " .egg-info entries; conda expects exactly one");
        }
        Path eggInfo = eggInfos.get(0);
        Path location = Files.isDirectory(eggInfo) ? eggInfo.resolve("PKG-INFO") : eggInfo;
        return readEggInfo(anchor, location, project.toAbsolutePath().normalize());
    }

    private Read fromMetadata(String anchor, Path metadata, String build, Path developLocation) {
        CoreMetadataHeaders headers;
        try {
            headers = CoreMetadataHeaders.parse(StrictText.read(metadata));
        } catch (CharacterCodingException e) {
            return Read.failed(anchor, metadata.getFileName() + " is not UTF-8");
        } catch (IOException e) {
            return Read.skipped(anchor, "cannot read " + metadata.getFileName() + " (" + e.getClass().getSimpleName() + ")");
        }
        if (headers.version() == null) {
            return Read.skipped(anchor, metadata.getFileName() + " has no Version");
        }
        List<String> warnings = new ArrayList<>();
        if (headers.name() == null) {
            warnings.add("site-packages distribution " + anchor + " has no Name in " + metadata.getFileName()
                    + "; listed under the empty name, as conda lists it");
        }
        String name = names.normalise(headers.name());
        return new Read(new SitePackagesDistribution(name, headers.version(), build, anchor, developLocation), warnings);
    }

    private static Path firstFile(Path dir, String... names) {
        for (String name : names) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
