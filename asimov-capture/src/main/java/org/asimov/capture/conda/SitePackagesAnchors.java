package org.asimov.capture.conda;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The "anchor files" of the distributions in a site-packages directory, conda's
 * {@code get_site_packages_anchor_files}: one prefix-relative path per
 * {@code *.dist-info} ({@code …/RECORD}), {@code *.egg-info} file (itself) or directory
 * ({@code …/PKG-INFO}), {@code *.egg} directory ({@code …/EGG-INFO/PKG-INFO}) and
 * {@code *.egg-link} (itself). Nothing else counts; zipped {@code .egg} files and {@code .pth}
 * files are skipped as conda skips them. The anchor need not exist: conda names
 * {@code RECORD} for every dist-info directory.
 */
public final class SitePackagesAnchors {
    /** The anchors under {@code sitePackages}, written as {@code <shortPath>/<entry>…}. */
    public Set<String> scan(Path sitePackages, String shortPath) throws IOException {
        Set<String> anchors = new TreeSet<>(PythonText.CODE_POINT_ORDER);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sitePackages)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String base = shortPath + "/" + name;
                if (name.endsWith(".dist-info")) {
                    anchors.add(base + "/RECORD");
                } else if (name.endsWith(".egg-info")) {
                    anchors.add(Files.isRegularFile(entry) ? base : base + "/PKG-INFO");
                } else if (name.endsWith(".egg")) {
                    if (Files.isDirectory(entry)) {
                        anchors.add(base + "/EGG-INFO/PKG-INFO");
                    }
                } else if (name.endsWith(".egg-link")) {
                    anchors.add(base);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause(); // the stream's iterator reports read errors unchecked
        }
        return anchors;
    }
}
