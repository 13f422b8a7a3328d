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
import org.asimov.capture.owners.PackageIndex;
import org.asimov.core.concurrency.BackgroundTask;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.logging.LazyLogger;
import org.asimov.core.system.CpuInfo;
import org.asimov.core.system.OsRelease;
import org.asimov.core.system.SystemReporter;
import org.asimov.core.system.SystemInfo;
import org.asimov.core.system.SystemReport;

/**
 * {@link SystemCapture} of the machine this process runs on. The parts that do not depend on the
 * interpreter run on a background thread started by {@link #prepare}, so that a caller who
 * prepares before probing the interpreter hides them behind the probe's wait.
 */
public final class HostSystemCapture implements SystemCapture {
    /** Every env capture builds this class, with or without the system part. */
    private static final LazyLogger log = LazyLogger.of(HostSystemCapture.class);

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
        return prepare(options).report(requireNonNull(interpreter, "interpreter is null"));
    }

    @Override
    public SystemReporter prepare(SystemCaptureOptions options) {
        requireNonNull(options, "options is null");
        BackgroundTask<Background> background = BackgroundTask.start("system-capture", "reading the system",
                () -> background(options));
        return interpreter -> finish(interpreter, options, background);
    }

    /** What does not depend on the interpreter: the OS package indexes, the machine, the GPUs, the container. */
    private record Background(List<PackageIndex> osPackages, MachineFacts machine, NvidiaSmiProbe.Result gpus,
            ContainerDetector.Detection container, long millis) {
    }

    private record MachineFacts(OsRelease os, String kernel, String architecture, CpuInfo cpu, long memoryBytes,
            String hostname) {
    }

    private Background background(SystemCaptureOptions options) {
        long start = System.nanoTime();
        KernelReader kernel = new KernelReader(files);
        MachineFacts machine = new MachineFacts(new OsReleaseReader(files).read(), kernel.release(),
                kernel.architecture(), new CpuInfoReader(files).read(), new MemInfoReader(files).totalBytes(),
                options.includeHost() ? kernel.hostname().orElse(null) : null);
        NvidiaSmiProbe.Result gpu = gpus.probe(options.environment());
        ContainerDetector.Detection container = new ContainerDetector(files).detect(options.environment());
        List<PackageIndex> osPackages = libraries.osPackages();
        return new Background(osPackages, machine, gpu, container, millisSince(start));
    }

    private SystemReport finish(InterpreterInfo interpreter, SystemCaptureOptions options, BackgroundTask<Background> pending) {
        Map<String, Long> timings = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long start = System.nanoTime();
        SharedLibraryProbe.Result linked = libraries.probe(interpreter, options.environment(), () -> pending.join().osPackages());
        Background background = pending.join();
        warnings.addAll(linked.warnings());
        timings.putAll(linked.timingsMillis());
        timings.put("background", background.millis());
        background.gpus().warning().ifPresent(warnings::add);
        warnings.addAll(background.container().warnings());
        MachineFacts machine = background.machine();
        SystemInfo system = new SystemInfo(machine.os(), machine.kernel(), machine.architecture(), linked.libc(),
                machine.cpu(), machine.memoryBytes(), background.gpus().gpus(), machine.hostname());
        SortedMap<String, String> variables = options.includeEnvironment() ? RedactedVariables.of(options.environment()) : null;
        timings.put("total", millisSince(start));
        warnings.forEach(w -> log.get().warn("system capture: {}", w));
        return new SystemReport(system, linked.report(), background.container().container(), variables, warnings, timings);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
