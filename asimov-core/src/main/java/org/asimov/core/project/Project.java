package org.asimov.core.project;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;

/**
 * An asimov project on disk: {@code .asimov/asimov.conf}, the ledger, the working directory
 * where run directories live and the results store. Paths in the configuration are relative to
 * the project root unless absolute, as asimov writes them.
 */
public final class Project {
    public static final String CONFIG_DIR = ".asimov";
    public static final String CONFIG_FILE = "asimov.conf";

    private final Path root;
    private final IniFile config;

    private Project(Path root, IniFile config) {
        this.root = requireNonNull(root, "root is null");
        this.config = requireNonNull(config, "config is null");
    }

    /** Opens the project whose root is {@code root}. */
    public static Project open(Path root) {
        Path conf = root.resolve(CONFIG_DIR).resolve(CONFIG_FILE);
        if (!Files.isRegularFile(conf)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "no asimov project at " + root
                    + " (" + conf + " does not exist); run 'asimov init NAME' there first");
        }
        try {
            return new Project(root.toAbsolutePath().normalize(),
                    IniFile.parse(Files.readString(conf, StandardCharsets.UTF_8), conf.toString()));
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not read " + conf + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Finds the project containing {@code start}, walking up the directory tree. */
    public static Project find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CONFIG_DIR).resolve(CONFIG_FILE))) {
                return open(dir);
            }
        }
        throw new AsimovException(ErrorKind.NOT_FOUND, "not inside an asimov project (no "
                + CONFIG_DIR + "/" + CONFIG_FILE + " in " + start.toAbsolutePath().normalize()
                + " or above it); run 'asimov init NAME' to create one, or pass --project DIR");
    }

    /** The configuration a new project starts with, in asimov's own section and key names. */
    public static IniFile defaultConfig(String name) {
        return new IniFile()
                .set("project", "name", name)
                .set("general", "rundir_default", "working")
                .set("ledger", "engine", "yamlfile")
                .set("ledger", "location", CONFIG_DIR + "/ledger.yml")
                .set("storage", "directory", "results")
                .set("storage", "database", "")
                .set("pipelines", "environment", "");
    }

    public Path root() {
        return root;
    }

    public IniFile config() {
        return config;
    }

    public String name() {
        return config.get("project", "name").orElse(root.getFileName().toString());
    }

    public Path ledgerFile() {
        return resolve(config.get("ledger", "location").orElse(CONFIG_DIR + "/ledger.yml"));
    }

    public Path workingDirectory() {
        return resolve(config.get("general", "rundir_default").orElse("working"));
    }

    public Path storeDirectory() {
        return resolve(config.get("storage", "directory").orElse("results"));
    }

    /** The default environment of analyses that name none, from {@code [pipelines] environment}. */
    public Optional<String> defaultEnvironment() {
        return config.get("pipelines", "environment");
    }

    public Path resolve(String path) {
        return root.resolve(path).normalize();
    }
}
