package org.asimov.capture.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.asimov.capture.PythonEnvironmentCapture;
import org.asimov.capture.conda.CondaMetaExporter;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.system.SystemReport;
import org.asimov.core.system.SystemReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process timing of the capture with and without the system part (issue 7, item 6). Not a
 * test: run it by hand, see the README. The first round is reported apart, because a CLI run is
 * always a first round (cold JIT, and the first read of dpkg's lists).
 *
 * <p>Arguments: the Python executable (default {@code /usr/bin/python3}) and the number of rounds.
 */
public final class SystemCaptureTiming {
    private static final Logger log = LoggerFactory.getLogger(SystemCaptureTiming.class);

    private SystemCaptureTiming() {
    }

    public static void main(String[] args) {
        Path python = Path.of(args.length > 0 ? args[0] : "/usr/bin/python3");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        PythonEnvironmentCapture pythonCapture = new PythonEnvironmentCapture(new InterpreterProbe(), CondaMetaExporter.standard());
        HostSystemCapture systemCapture = new HostSystemCapture();
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // alternate, so that both see the same machine load
            long a = System.nanoTime();
            pythonCapture.capture(CaptureTarget.ofPython(python));
            long b = System.nanoTime();
            // as 'env capture' does it: prepare the system part, probe, then finish the system part
            SystemReporter prepared = systemCapture.prepare(SystemCaptureOptions.defaults());
            EnvironmentSnapshot snapshot = pythonCapture.capture(CaptureTarget.ofPython(python));
            SystemReport report = prepared.report(snapshot.interpreter());
            long c = System.nanoTime();
            without.add((b - a) / 1e6);
            with.add((c - b) / 1e6);
            if (round == 0) {
                log.info("first round: without system {} ms, with system {} ms ({} extensions, {} libraries, parts {})",
                        fmt((b - a) / 1e6), fmt((c - b) / 1e6), report.libraries().extensions().size(),
                        report.libraries().libraries().size(), report.timingsMillis());
            }
        }
        log.info("{} rounds after the first, median [min..max] ms: without system {}; with system {}",
                rounds - 1, summary(without), summary(with));
    }

    private static String summary(List<Double> millis) {
        double[] sorted = millis.stream().skip(1).mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return "n/a";
        }
        return fmt(sorted[sorted.length / 2]) + " [" + fmt(sorted[0]) + ".." + fmt(sorted[sorted.length - 1]) + "]"
                + " (" + Arrays.stream(sorted).count() + ")";
    }

    private static String fmt(double value) {
        return String.format("%.1f", value);
    }
}
