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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.asimov.core.system.LibraryOwner;

/**
 * Owners from dpkg's own database, read without dpkg: {@code info/*.list} (the files of each
 * installed package; the file is named {@code package.list} or {@code package:arch.list}) and
 * {@code status} (the installed version). The lists hold every file of every package (megabytes),
 * so they are read once per batch, in parallel, and only lines as long as a wanted spelling are
 * turned into text. Only packages dpkg marks installed ({@code install ok installed}) count.
 */
public final class DpkgDatabase implements OwnerSource {
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

    @Override
    public Map<Path, LibraryOwner> owners(Set<Path> files) {
        if (files.isEmpty() || !exists()) {
            return Map.of();
        }
        Map<String, List<Path>> wanted = new HashMap<>();
        for (Path file : files) {
            for (String spelling : mergedUsr.spellings(file)) {
                wanted.computeIfAbsent(spelling, s -> new ArrayList<>()).add(file);
            }
        }
        Map<String, String> packageOfSpelling = scanLists(wanted.keySet());
        Map<String, String> versions = installedVersions(new HashSet<>(packageOfSpelling.values()));
        Map<Path, LibraryOwner> owners = new LinkedHashMap<>();
        // spellings were added in preference order: the path as opened wins over its twins
        for (Path file : files) {
            for (String spelling : mergedUsr.spellings(file)) {
                String pkg = packageOfSpelling.get(spelling);
                if (pkg != null && versions.containsKey(pkg)) {
                    owners.put(file, new LibraryOwner("dpkg", packageName(pkg), versions.get(pkg)));
                    break;
                }
            }
        }
        return owners;
    }

    /** Spelling → list name ({@code libc6:amd64}) for every wanted spelling some list holds. */
    private Map<String, String> scanLists(Set<String> wanted) {
        Set<Integer> lengths = new HashSet<>();
        for (String spelling : wanted) {
            lengths.add(spelling.getBytes(StandardCharsets.UTF_8).length);
        }
        List<Path> lists = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.resolve("info"), "*.list")) {
            entries.forEach(lists::add);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> found = new ConcurrentHashMap<>();
        lists.parallelStream().forEach(list -> {
            String name = list.getFileName().toString();
            String pkg = name.substring(0, name.length() - ".list".length());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(list);
            } catch (IOException e) {
                return;
            }
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    int length = i - start;
                    if (lengths.contains(length)) {
                        String line = new String(bytes, start, length, StandardCharsets.UTF_8);
                        if (wanted.contains(line)) {
                            found.putIfAbsent(line, pkg);
                        }
                    }
                    start = i + 1;
                }
            }
        });
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
                    fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
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

    private static String packageName(String listName) {
        int colon = listName.indexOf(':');
        return colon < 0 ? listName : listName.substring(0, colon);
    }
}
