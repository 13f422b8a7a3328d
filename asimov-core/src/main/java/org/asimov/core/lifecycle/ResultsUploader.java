package org.asimov.core.lifecycle;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.core.io.AtomicFiles;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.core.store.ResultsStore;

/**
 * Stores what an analysis produced: the files its {@code outputs} globs match in its run
 * directory, and its environment files. Files are stored under their file name; two outputs
 * with the same file name are refused rather than one silently hiding the other.
 */
public final class ResultsUploader {
    private static final List<String> ENVIRONMENT_FILES =
            List.of(EnvironmentFiles.METADATA, EnvironmentFiles.PIP, EnvironmentFiles.CONDA, EnvironmentFiles.SYSTEM);

    public List<String> upload(AnalysisJob job, ResultsStore store) {
        Map<String, Path> files = collect(job);
        Analysis analysis = job.analysis();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            store.put(analysis.event().name(), analysis.name(), file.getKey(), file.getValue());
        }
        // The files are stored first, so rows are only ever recorded for files the store holds.
        record(store, analysis, CapturePhase.BUILD, files, "");
        record(store, analysis, CapturePhase.RUN, files, EnvironmentFiles.RUN_PREFIX);
        return new ArrayList<>(files.keySet());
    }

    private static void record(ResultsStore store, Analysis analysis, CapturePhase phase, Map<String, Path> files,
            String prefix) {
        Path metadata = files.get(prefix + EnvironmentFiles.METADATA);
        Path pip = files.get(prefix + EnvironmentFiles.PIP);
        if (metadata != null && pip != null) {
            store.recordEnvironment(analysis.event().name(), analysis.name(), phase, metadata, pip,
                    files.get(prefix + EnvironmentFiles.CONDA), files.get(prefix + EnvironmentFiles.SYSTEM));
        }
    }

    Map<String, Path> collect(AnalysisJob job) {
        Path dir = job.runDirectory();
        Map<String, Path> files = new TreeMap<>();
        List<PathMatcher> matchers = job.analysis().outputs().stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                Path relative = dir.relativize(file);
                if (matchers.stream().anyMatch(m -> m.matches(relative))) {
                    add(files, file);
                }
            }
        } catch (IOException e) {
            throw new AsimovException(ErrorKind.IO, "could not list the outputs in " + dir + ": " + AtomicFiles.describe(e), e);
        }
        if (job.analysis().environmentCaptured()) {
            for (String name : ENVIRONMENT_FILES) {
                Path build = dir.resolve(name);
                if (Files.isRegularFile(build)) {
                    files.put(name, build);
                }
                Path run = dir.resolve(EnvironmentFiles.RUN_DIRECTORY).resolve(name);
                if (Files.isRegularFile(run)) {
                    files.put(EnvironmentFiles.RUN_PREFIX + name, run);
                }
            }
        }
        return files;
    }

    private static void add(Map<String, Path> files, Path file) {
        String name = file.getFileName().toString();
        Path previous = files.putIfAbsent(name, file);
        if (previous != null && !previous.equals(file)) {
            throw new AsimovException(ErrorKind.CONFLICT, "two outputs are both named '" + name + "' (" + previous
                    + " and " + file + "); the store keeps files by name, so give them distinct names");
        }
    }
}
