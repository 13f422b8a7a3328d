package org.asimov.capture.owners;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asimov.core.system.LibraryOwner;

/**
 * dpkg's own database, read without dpkg: {@code info/*.list} (the files of each installed
 * package; the file is named {@code package.list} or {@code package:arch.list}) and
 * {@code status} (the installed version). The lists hold every file of every package (megabytes
 * in hundreds of files), so they are read once per capture into a {@link PackageIndex} that keeps
 * only the paths a loaded object can have: shared objects ({@code *.so}, {@code *.so.N}) and
 * files in {@code bin} directories (interpreters). Only packages dpkg marks installed
 * ({@code install ok installed}) get a version, and only they count as owners.
 */
public final class DpkgDatabase {
    public static final Path DEFAULT = Path.of("/var/lib/dpkg");

    private final Path directory;
    private final MergedUsr mergedUsr;

    public DpkgDatabase(Path directory, MergedUsr mergedUsr) {
        this.directory = requireNonNull(directory, "directory is null");
        this.mergedUsr = requireNonNull(mergedUsr, "mergedUsr is null");
    }

    public boolean exists() {
        return Files.isRegularFile(directory.resolve("status"));
    }

    /** Reads the lists and the status file; an empty index where there is no dpkg. */
    public PackageIndex index() {
        if (!exists()) {
            return PackageIndex.empty(mergedUsr);
        }
        Map<String, String> packageOfPath = scanLists();
        Map<String, String> versions = installedVersions(new HashSet<>(packageOfPath.values()));
        Map<String, LibraryOwner> owners = new HashMap<>(); // one owner per package, however many paths it has
        Map<String, LibraryOwner> ownerOfPath = new HashMap<>();
        packageOfPath.forEach((path, pkg) -> {
            String version = versions.get(pkg);
            if (version != null) {
                ownerOfPath.put(path, owners.computeIfAbsent(pkg, p -> new LibraryOwner("dpkg", packageName(p), version)));
            }
        });
        return new PackageIndex(ownerOfPath, mergedUsr, List.of());
    }

    /** {@code libc6} of the list name {@code libc6:amd64}. */
    private static String packageName(String listName) {
        int colon = listName.indexOf(':');
        return colon < 0 ? listName : listName.substring(0, colon);
    }

    /** Path → list name ({@code libc6:amd64}) for every loadable-looking path in any list. */
    private Map<String, String> scanLists() {
        List<Path> lists = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.resolve("info"))) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().endsWith(".list")) {
                    lists.add(entry);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        for (Path list : lists) {
            String name = list.getFileName().toString();
            String pkg = name.substring(0, name.length() - ".list".length());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(list);
            } catch (IOException e) {
                continue;
            }
            LoadablePaths.forEachCandidateLine(bytes, path -> {
                if (LoadablePaths.isLoadable(path)) {
                    found.putIfAbsent(path, pkg);
                }
            });
        }
        return found;
    }

    /** {@code package[:arch]} → version, for the wanted list names whose package is installed. */
    private Map<String, String> installedVersions(Set<String> listNames) {
        Map<String, String> versions = new HashMap<>();
        if (listNames.isEmpty()) {
            return versions;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(directory.resolve("status"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return versions;
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isEmpty()) {
                record(fields, listNames, versions);
                fields.clear();
            } else if (!Character.isWhitespace(line.charAt(0))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String key = line.substring(0, colon);
                    if (key.equals("Package") || key.equals("Version") || key.equals("Status") || key.equals("Architecture")) {
                        fields.put(key, line.substring(colon + 1).strip());
                    }
                }
            }
        }
        return versions;
    }

    private static void record(Map<String, String> fields, Set<String> listNames, Map<String, String> versions) {
        String name = fields.get("Package");
        String version = fields.get("Version");
        if (name == null || version == null || !"install ok installed".equals(fields.get("Status"))) {
            return;
        }
        String qualified = name + ":" + fields.getOrDefault("Architecture", "");
        if (listNames.contains(qualified)) {
            versions.put(qualified, version);
        }
        if (listNames.contains(name)) {
            versions.put(name, version);
        }
    }
}
