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
    public List<String> upload(AnalysisJob job, ResultsStore store) {
        Map<String, Path> files = collect(job);
        Analysis analysis = job.analysis();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            store.put(analysis.event().name(), analysis.name(), file.getKey(), file.getValue());
        }
        if (files.containsKey(EnvironmentFiles.METADATA) && files.containsKey(EnvironmentFiles.PIP)) {
            // The files are stored first, so rows are only ever recorded for files the store holds.
            store.recordEnvironment(analysis.event().name(), analysis.name(), CapturePhase.BUILD,
                    files.get(EnvironmentFiles.METADATA), files.get(EnvironmentFiles.PIP), files.get(EnvironmentFiles.CONDA),
                    files.get(EnvironmentFiles.SYSTEM));
        }
        return new ArrayList<>(files.keySet());
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
            for (String name : new String[] {EnvironmentFiles.METADATA, EnvironmentFiles.PIP, EnvironmentFiles.CONDA, EnvironmentFiles.SYSTEM}) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file)) {
                    files.put(name, file);
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
