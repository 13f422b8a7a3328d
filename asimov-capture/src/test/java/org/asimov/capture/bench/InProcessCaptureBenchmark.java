package org.asimov.capture.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.asimov.capture.conda.CondaMetaExporter;
import org.asimov.capture.pip.FreezeResult;
import org.asimov.capture.pip.PipFreeze;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.capture.python.ProbedInterpreter;
import org.asimov.core.environment.EnvironmentJson;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.environment.Fingerprint;

/**
 * What a capture costs once the interpreter has been probed: the native pip freeze over the
 * interpreter's sys.path, the conda export when the prefix is a conda one, the fingerprint and
 * environment.json. Warms up, then prints the median and the 90th percentile of many runs.
 * Not a test: run it with {@code bench/capture-in-process [PYTHON]}.
 */
public final class InProcessCaptureBenchmark {
    private InProcessCaptureBenchmark() {
    }

    public static void main(String[] args) {
        Path python = Path.of(args.length > 0 ? args[0] : "python3");
        int warmup = 200;
        int runs = 500;
        ProbedInterpreter probed = new InterpreterProbe().probe(python);
        CondaMetaExporter conda = CondaMetaExporter.standard();
        Path prefix = Path.of(probed.info().prefix());
        List<Long> nanos = new ArrayList<>();
        int packages = 0;
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            FreezeResult pip = PipFreeze.freeze(probed.info().sysPath(), probed.info().majorMinor(), probed.importlibForPip());
            String condaText = conda.export(prefix).map(c -> c.text()).orElse(null);
            String fingerprint = Fingerprint.of(probed.info(), pip.text(), condaText);
            EnvironmentSnapshot snapshot = new EnvironmentSnapshot(java.time.Instant.now(),
                    condaText == null ? EnvironmentType.VIRTUALENV : EnvironmentType.CONDA, probed.info(), null,
                    pip.text(), condaText, pip.packages(), fingerprint, pip.warnings(), java.util.Map.of());
            String json = EnvironmentJson.render(snapshot);
            long elapsed = System.nanoTime() - start;
            if (i >= warmup) {
                nanos.add(elapsed);
            }
            packages = json.isEmpty() ? 0 : pip.packages().size();
        }
        Collections.sort(nanos);
        System.out.printf("in-process capture of %s (%d pip packages) after the probe:%n", python, packages);
        System.out.printf("  median %.2f ms, p90 %.2f ms over %d runs (%d warm-up)%n",
                nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 9 / 10) / 1e6, runs, warmup);
    }
}
