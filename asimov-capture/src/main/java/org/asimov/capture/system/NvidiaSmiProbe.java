package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.asimov.core.system.Gpu;

/**
 * NVIDIA GPUs and their driver, from {@code nvidia-smi --query-gpu=name,driver_version,memory.total
 * --format=csv,noheader} (one line per GPU: {@code NVIDIA A100-SXM4-40GB, 535.104.05, 40960 MiB}).
 * Without {@code nvidia-smi} on {@code PATH} there are no GPUs to report and nothing is run; a
 * hung driver is killed after the timeout and reported as a warning, never as a failed capture.
 */
public final class NvidiaSmiProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final String COMMAND = "nvidia-smi";

    private final Duration timeout;

    public NvidiaSmiProbe(Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** What the probe found: GPUs, or a reason why none could be read. */
    public record Result(List<Gpu> gpus, Optional<String> warning) {
        public Result {
            gpus = List.copyOf(requireNonNull(gpus, "gpus is null"));
            requireNonNull(warning, "warning is null");
        }
    }

    public Result probe(Map<String, String> environment) {
        Optional<Path> executable = onPath(environment.get("PATH"));
        if (executable.isEmpty()) {
            return new Result(List.of(), Optional.empty());
        }
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(executable.get().toString(),
                    "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            process = builder.start();
        } catch (IOException e) {
            return new Result(List.of(), Optional.of("could not run " + executable.get() + ": " + e.getMessage()));
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try (var stream = process.getInputStream()) {
                    return stream.readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(List.of(), Optional.of(executable.get() + " did not answer within "
                        + timeout.toMillis() + " ms; GPUs not recorded"));
            }
            if (process.exitValue() != 0) {
                return new Result(List.of(), Optional.of(executable.get() + " failed (exit " + process.exitValue()
                        + "); GPUs not recorded"));
            }
            return new Result(parse(new String(out.join(), StandardCharsets.UTF_8)), Optional.empty());
        } catch (IOException e) {
            return new Result(List.of(), Optional.of("could not talk to " + executable.get() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(List.of(), Optional.of("interrupted while asking nvidia-smi"));
        }
    }

    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\n")) {
            String[] fields = line.split(",");
            if (fields.length >= 2 && !fields[0].isBlank()) {
                gpus.add(new Gpu(fields[0].strip(), fields[1].strip(), fields.length > 2 ? fields[2].strip() : null));
            }
        }
        return gpus;
    }

    private static Optional<Path> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, COMMAND);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
