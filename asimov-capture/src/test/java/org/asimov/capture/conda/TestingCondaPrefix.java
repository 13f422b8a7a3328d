package org.asimov.capture.conda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a conda prefix on disk the way conda leaves one: {@code conda-meta/history},
 * {@code conda-meta/<name>-<version>-<build>.json} records with the fields conda 24+ writes
 * (channel URL, subdir, files, paths_data, fn, url, md5, sha256, depends, link…), the files
 * those records list, and distributions that pip put into site-packages behind conda's back.
 * No interpreter is ever created: these prefixes exercise the path where Python cannot run.
 */
final class TestingCondaPrefix {
    static final String CONDA_FORGE = "https://conda.anaconda.org/conda-forge";
    static final String PKGS_MAIN = "https://repo.anaconda.com/pkgs/main";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final String sitePackages;

    TestingCondaPrefix(Path root, String pythonMajorMinor) {
        this.root = root;
        this.sitePackages = "lib/python" + pythonMajorMinor + "/site-packages";
    }

    Path root() {
        return root;
    }

    /** The prefix-relative site-packages path. */
    String sp() {
        return sitePackages;
    }

    Path sitePackagesDir() {
        return root.resolve(sitePackages);
    }

    /** A history file as conda writes it: revision headers, +/- dist lines, the command. */
    TestingCondaPrefix history() {
        write("conda-meta/history", """
                ==> 2024-05-02 10:14:07 <==
                # cmd: /opt/miniforge/bin/conda create -n analysis python=3.11 numpy
                # conda version: 24.9.2
                +conda-forge/linux-64::python-3.11.9-hb806964_0_cpython
                +conda-forge/linux-64::numpy-1.26.4-py311h64a7726_0
                # update specs: ['python=3.11', 'numpy']
                """);
        return this;
    }

    /** A conda record for a package from {@code channelBase} (null: a record with no channel). */
    Record record(String name, String version, String build) {
        return new Record(name, version, build);
    }

    /**
     * A dist-info directory with METADATA, INSTALLER and a RECORD listing the package's files,
     * as pip and conda-build write them. Returns the prefix-relative paths created.
     */
    List<String> distInfo(String dirName, String metadataName, String version, String... extraMetadata) {
        String dir = sitePackages + "/" + dirName;
        StringBuilder metadata = new StringBuilder("Metadata-Version: 2.1\nName: " + metadataName + "\nVersion: "
                + version + "\n");
        for (String line : extraMetadata) {
            metadata.append(line).append('\n');
        }
        metadata.append("\nLong description.\n");
        write(dir + "/METADATA", metadata.toString());
        write(dir + "/INSTALLER", "pip\n");
        String module = metadataName.toLowerCase().replace('-', '_').replace('.', '_');
        write(sitePackages + "/" + module + "/__init__.py", "__version__ = '" + version + "'\n");
        String recordBase = dirName;
        write(dir + "/RECORD", module + "/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,22\n"
                + recordBase + "/INSTALLER,sha256=zuuue4knoyJ-UwPPXg8fezS7VCrXJQrAP7zeNuwvFQg,4\n"
                + recordBase + "/METADATA,sha256=Yk5sbp9vO_fWVmC3Uz8pMh5T9CzUZPh6Vg8T4iDZoM0,120\n"
                + recordBase + "/RECORD,,\n");
        return List.of(sitePackages + "/" + module + "/__init__.py", dir + "/INSTALLER", dir + "/METADATA",
                dir + "/RECORD");
    }

    /** A setuptools egg-info directory ({@code setup.py install}, or a conda package built that way). */
    List<String> eggInfoDir(String dirName, String metadataName, String version) {
        String dir = sitePackages + "/" + dirName;
        write(dir + "/PKG-INFO", "Metadata-Version: 1.1\nName: " + metadataName + "\nVersion: " + version
                + "\nSummary: an egg-info directory\n");
        write(dir + "/SOURCES.txt", "setup.py\n");
        write(dir + "/top_level.txt", metadataName.toLowerCase() + "\n");
        return List.of(dir + "/PKG-INFO", dir + "/SOURCES.txt", dir + "/top_level.txt");
    }

    /** A single-file egg-info (distutils, Debian-style). */
    String eggInfoFile(String fileName, String metadataName, String version) {
        String path = sitePackages + "/" + fileName;
        write(path, "Metadata-Version: 1.0\nName: " + metadataName + "\nVersion: " + version + "\n");
        return path;
    }

    /**
     * A legacy {@code setup.py develop} install: {@code <name>.egg-link} in site-packages naming a
     * project directory (elsewhere) that holds {@code <Name>.egg-info/PKG-INFO}.
     */
    TestingCondaPrefix eggLink(String linkName, Path project, String metadataName, String version) {
        try {
            Files.createDirectories(project.resolve(metadataName.replace('-', '_') + ".egg-info"));
            Files.writeString(project.resolve(metadataName.replace('-', '_') + ".egg-info/PKG-INFO"),
                    "Metadata-Version: 2.1\nName: " + metadataName + "\nVersion: " + version + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(sitePackages + "/" + linkName, project.toAbsolutePath() + "\n.");
        return this;
    }

    TestingCondaPrefix write(String relative, String content) {
        return writeBytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    TestingCondaPrefix writeBytes(String relative, byte[] content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Every path under the prefix with the SHA-256 of its content (or "dir"/"link"). */
    Map<String, String> snapshot() {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String key = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    tree.put(key, "link:" + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    tree.put(key, "dir");
                } else {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
                    tree.put(key, HexFormat.of().formatHex(digest) + " " + Files.getLastModifiedTime(path));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return tree;
    }

    /** One conda-meta record, written by {@link #write()}. */
    final class Record {
        private final Map<String, Object> json = new LinkedHashMap<>();
        private final List<String> files = new ArrayList<>();
        private String channelBase = CONDA_FORGE;
        private String subdir = "linux-64";
        private String fileName;

        private Record(String name, String version, String build) {
            json.put("name", name);
            json.put("version", version);
            json.put("build", build);
            json.put("build_number", buildNumber(build));
            json.put("depends", List.of());
            json.put("constrains", List.of());
            json.put("license", "BSD-3-Clause");
        }

        Record channel(String base) {
            this.channelBase = base;
            return this;
        }

        Record subdir(String subdir) {
            this.subdir = subdir;
            return this;
        }

        Record noarch(String kind) {
            json.put("noarch", kind);
            return subdir("noarch");
        }

        Record depends(String... specs) {
            json.put("depends", List.of(specs));
            return this;
        }

        /** Files the package installed; created on disk too, unless they already exist. */
        Record files(List<String> paths) {
            files.addAll(paths);
            return this;
        }

        Record files(String... paths) {
            return files(List.of(paths));
        }

        Record field(String key, Object value) {
            json.put(key, value);
            return this;
        }

        Record fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        TestingCondaPrefix write() {
            String name = (String) json.get("name");
            String dist = name + "-" + json.get("version") + "-" + json.get("build");
            String fn = dist + ".conda";
            json.put("fn", fn);
            json.put("subdir", subdir);
            if (channelBase != null) {
                json.put("channel", channelBase + "/" + subdir);
                json.put("url", channelBase + "/" + subdir + "/" + fn);
            }
            json.put("md5", "0123456789abcdef0123456789abcdef");
            json.put("sha256", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            json.put("size", 12345);
            json.put("timestamp", 1714644847123L);
            json.put("extracted_package_dir", "/opt/miniforge/pkgs/" + dist);
            json.put("package_tarball_full_path", "/opt/miniforge/pkgs/" + fn);
            json.put("link", Map.of("source", "/opt/miniforge/pkgs/" + dist, "type", 1));
            json.put("requested_spec", "None");
            json.put("files", files);
            List<Map<String, Object>> paths = new ArrayList<>();
            for (String file : files) {
                Map<String, Object> path = new LinkedHashMap<>();
                path.put("_path", file);
                path.put("path_type", "hardlink");
                path.put("sha256", "ab".repeat(32));
                path.put("size_in_bytes", 1);
                paths.add(path);
                if (!Files.exists(root.resolve(file))) {
                    TestingCondaPrefix.this.write(file, "");
                }
            }
            json.put("paths_data", Map.of("paths", paths, "paths_version", 1));
            try {
                TestingCondaPrefix.this.write("conda-meta/" + (fileName != null ? fileName : dist + ".json"),
                        JSON.writeValueAsString(json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return TestingCondaPrefix.this;
        }

        private static int buildNumber(String build) {
            int underscore = build.lastIndexOf('_');
            try {
                return underscore < 0 ? Integer.parseInt(build) : Integer.parseInt(build.substring(underscore + 1));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
