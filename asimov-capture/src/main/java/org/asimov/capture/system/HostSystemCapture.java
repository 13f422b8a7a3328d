package org.asimov.capture.system;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import jakarta.inject.Inject;

import org.asimov.capture.container.ContainerDetector;
import org.asimov.capture.variables.RedactedVariables;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.system.SystemInfo;
import org.asimov.core.system.SystemReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SystemCapture} of the machine this process runs on. */
public final class HostSystemCapture implements SystemCapture {
    private static final Logger log = LoggerFactory.getLogger(HostSystemCapture.class);

    private final HostFiles files;
    private final SharedLibraryProbe libraries;
    private final NvidiaSmiProbe gpus;

    @Inject
    public HostSystemCapture() {
        this(HostFiles.host(), SharedLibraryProbe.host(), new NvidiaSmiProbe(NvidiaSmiProbe.DEFAULT_TIMEOUT));
    }

    public HostSystemCapture(HostFiles files, SharedLibraryProbe libraries, NvidiaSmiProbe gpus) {
        this.files = requireNonNull(files, "files is null");
        this.libraries = requireNonNull(libraries, "libraries is null");
        this.gpus = requireNonNull(gpus, "gpus is null");
    }

    @Override
    public SystemReport capture(InterpreterInfo interpreter, SystemCaptureOptions options) {
        requireNonNull(interpreter, "interpreter is null");
        requireNonNull(options, "options is null");
        Map<String, Long> timings = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long start = System.nanoTime();

        SharedLibraryProbe.Result linked = libraries.probe(interpreter, options.environment());
        warnings.addAll(linked.warnings());
        timings.putAll(linked.timingsMillis());
        long at = System.nanoTime();

        KernelReader kernel = new KernelReader(files);
        NvidiaSmiProbe.Result gpu = gpus.probe(options.environment());
        gpu.warning().ifPresent(warnings::add);
        SystemInfo system = new SystemInfo(
                new OsReleaseReader(files).read(),
                kernel.release(),
                kernel.architecture(),
                linked.libc(),
                new CpuInfoReader(files).read(),
                new MemInfoReader(files).totalBytes(),
                gpu.gpus(),
                options.includeHost() ? kernel.hostname().orElse(null) : null);
        timings.put("machine", millisSince(at));
        at = System.nanoTime();

        ContainerDetector.Detection container = new ContainerDetector(files).detect(options.environment());
        warnings.addAll(container.warnings());
        timings.put("container", millisSince(at));

        SortedMap<String, String> variables = options.includeEnvironment() ? RedactedVariables.of(options.environment()) : null;
        timings.put("total", millisSince(start));
        warnings.forEach(w -> log.warn("system capture: {}", w));
        return new SystemReport(system, linked.report(), container.container(), variables, warnings, timings);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
