package org.asimov.capture;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.asimov.capture.conda.CondaMetaExporter;
import org.asimov.capture.conda.CondaExport;
import org.asimov.capture.pip.FreezeResult;
import org.asimov.capture.pip.PipFreeze;
import org.asimov.capture.python.InterpreterProbe;
import org.asimov.capture.python.ProbedInterpreter;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentJson;
import org.asimov.core.environment.EnvironmentSnapshot;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.environment.Fingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quick side-by-side timing of the native freeze and {@code python -m pip freeze} in one
 * environment, alternating runs, medians reported. Not a test: run it by hand with the path of
 * a python, e.g. from the module directory after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.asimov.capture.FreezeBenchmark /path/to/python}
 */
public final class FreezeBenchmark {
    private static final Logger log = LoggerFactory.getLogger(FreezeBenchmark.class);

    private FreezeBenchmark() {
    }

    public static void main(String[] args) {
        Path given = Path.of(args[0]);
        // pip runs in a scratch directory, so a relative path must be made absolute first
        Path python = given.getNameCount() > 1 ? given.toAbsolutePath() : given;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        InterpreterProbe probe = new InterpreterProbe();
        ProbedInterpreter probed = probe.probe(python);
        for (int i = 0; i < 200; i++) {
            PipFreeze.freeze(probed.info().sysPath(), probed.info().majorMinor(), probed.importlibForPip());
        }
        double[] nativeFreeze = new double[rounds * 20];
        for (int i = 0; i < nativeFreeze.length; i++) {
            long t = System.nanoTime();
            PipFreeze.freeze(probed.info().sysPath(), probed.info().majorMinor(), probed.importlibForPip());
            nativeFreeze[i] = (System.nanoTime() - t) / 1e6;
        }
        CondaMetaExporter conda = CondaMetaExporter.standard();
        double[] afterProbe = new double[rounds * 20];
        for (int i = 0; i < afterProbe.length; i++) {
            long t = System.nanoTime();
            afterProbe(probed, conda);
            afterProbe[i] = (System.nanoTime() - t) / 1e6;
        }
        PythonEnvironmentCapture capture = new PythonEnvironmentCapture(probe, conda);
        double[] wholeCapture = new double[rounds];
        double[] pipFreeze = new double[rounds];
        int lines = 0;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            lines = (int) capture.capture(CaptureTarget.ofPython(python)).pipFreeze().lines().count();
            wholeCapture[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            TestingPython.realFreeze(python, Map.of());
            pipFreeze[i] = (System.nanoTime() - t) / 1e6;
        }
        log.info("{} ({} requirements): native freeze in-process median {} ms; everything after the probe (freeze, conda, "
                        + "fingerprint, environment.json) median {} ms; probe+capture median {} ms; "
                        + "python -m pip freeze median {} ms; ratio capture/pip {}",
                python, lines, String.format("%.2f", median(nativeFreeze)), String.format("%.2f", median(afterProbe)),
                String.format("%.1f", median(wholeCapture)),
                String.format("%.1f", median(pipFreeze)), String.format("%.3f", median(wholeCapture) / median(pipFreeze)));
    }

    /** What a capture does once the interpreter has answered: the part asimov itself controls. */
    private static String afterProbe(ProbedInterpreter probed, CondaMetaExporter conda) {
        FreezeResult pip = PipFreeze.freeze(probed.info().sysPath(), probed.info().majorMinor(), probed.importlibForPip());
        String condaText = conda.export(Path.of(probed.info().prefix())).map(CondaExport::text).orElse(null);
        String fingerprint = Fingerprint.of(probed.info(), pip.text(), condaText);
        return EnvironmentJson.render(new EnvironmentSnapshot(Instant.now(), EnvironmentType.VIRTUALENV, probed.info(), null,
                pip.text(), condaText, pip.packages(), fingerprint, pip.warnings(), Map.of()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
