package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asimov.capture.pip.MetadataHeaders;
import org.asimov.core.system.LibraryOwner;

/**
 * Owners from the Python distributions on {@code sys.path}: a dist-info's {@code RECORD} (and a
 * legacy egg-info's {@code installed-files.txt}) lists the files it installed, so
 * {@code numpy.libs/libopenblas64_p-r0-….so} belongs to numpy. Only the {@code sys.path}
 * directories that hold one of the asked-for files are read. Name and version come from the
 * metadata as written, as pip freeze shows them.
 */
public final class PythonDistributionOwners implements OwnerSource {
    private final List<Path> sysPath;

    public PythonDistributionOwners(List<String> sysPath) {
        List<Path> directories = new ArrayList<>();
        for (String entry : requireNonNull(sysPath, "sysPath is null")) {
            if (!entry.isEmpty()) {
                directories.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        this.sysPath = List.copyOf(directories);
    }

    @Override
    public Map<Path, LibraryOwner> owners(Set<Path> files) {
        Map<Path, LibraryOwner> owners = new LinkedHashMap<>();
        Map<Path, Map<Path, LibraryOwner>> indexes = new HashMap<>();
        List<Path> realDirectories = sysPath.stream().map(CondaPackageOwners::realOrSelf).toList();
        for (Path file : files) {
            Path normalised = file.toAbsolutePath().normalize();
            Path real = null;
            for (int i = 0; i < sysPath.size(); i++) {
                Path directory = sysPath.get(i);
                if (!normalised.startsWith(directory)) {
                    if (real == null) {
                        real = CondaPackageOwners.realOrSelf(normalised);
                    }
                    if (!real.startsWith(realDirectories.get(i))) {
                        continue;
                    }
                }
                Map<Path, LibraryOwner> index = indexes.computeIfAbsent(directory, PythonDistributionOwners::index);
                LibraryOwner owner = index.get(normalised);
                if (owner == null) {
                    owner = index.get(real != null ? real : CondaPackageOwners.realOrSelf(normalised));
                }
                if (owner != null) {
                    owners.put(file, owner);
                    break;
                }
            }
        }
        return owners;
    }

    /** Every file any distribution in {@code directory} says it installed, under both its spelled and its real path. */
    private static Map<Path, LibraryOwner> index(Path directory) {
        Map<Path, LibraryOwner> index = new HashMap<>();
        Path real = CondaPackageOwners.realOrSelf(directory);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".dist-info")) {
                    addManifest(index, directory, real, entry, entry.resolve("RECORD"), entry.resolve("METADATA"), directory);
                } else if (name.endsWith(".egg-info") && Files.isDirectory(entry)) {
                    addManifest(index, directory, real, entry, entry.resolve("installed-files.txt"), entry.resolve("PKG-INFO"), entry);
                }
            }
        } catch (IOException e) {
            // not a directory (a zip on sys.path) or unreadable: it owns nothing we can name
        }
        return index;
    }

    private static void addManifest(Map<Path, LibraryOwner> index, Path directory, Path real, Path info,
            Path manifest, Path metadata, Path base) {
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        LibraryOwner owner;
        byte[] list;
        try {
            MetadataHeaders headers = MetadataHeaders.read(metadata);
            if (headers.name() == null || headers.version() == null) {
                return;
            }
            owner = new LibraryOwner("pip", headers.name(), headers.version());
            list = Files.readAllBytes(manifest);
        } catch (IOException e) {
            return;
        }
        Path relativeBase = directory.relativize(base);
        LoadablePaths.forEachCandidateLine(list, line -> {
            String path = firstCsvField(line);
            if (!path.isEmpty() && LoadablePaths.isLoadable(path)) {
                index.putIfAbsent(directory.resolve(relativeBase).resolve(path).normalize(), owner);
                index.putIfAbsent(real.resolve(relativeBase).resolve(path).normalize(), owner);
            }
        });
    }

    /** RECORD is CSV: a path with a comma is quoted, a quote inside is doubled. */
    static String firstCsvField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line.strip() : line.substring(0, comma);
        }
        StringBuilder field = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                field.append(c);
            }
        }
        return field.toString();
    }
}
