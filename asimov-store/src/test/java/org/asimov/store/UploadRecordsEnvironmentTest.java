package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.CaptureTarget;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.PackageRecord;
import org.asimov.core.ledger.Analysis;
import org.asimov.core.ledger.Event;
import org.asimov.core.ledger.Ledger;
import org.asimov.core.lifecycle.ResultsUploader;
import org.asimov.core.pipeline.ActivatedEnvironment;
import org.asimov.core.pipeline.AnalysisJob;
import org.asimov.store.environment.EnvironmentSummary;
import org.junit.jupiter.api.Test;

/**
 * The upload at the end of an analysis's life (what {@code asimov monitor} does) records the
 * environment as rows, once per environment however many analyses share it, and uploading
 * again changes nothing.
 */
class UploadRecordsEnvironmentTest extends EnvironmentStoreFixture {
    @Override
    StoreSettings settings(Path root) {
        return StoreSettings.h2(root);
    }

    @Test
    void uploadingAnalysesRecordsTheirSharedEnvironmentOnce() throws Exception {
        Event event = Ledger.create("project", "test").addEvent(JsonNodeFactory.instance.objectNode().put("name", EVENT));
        ResultsUploader uploader = new ResultsUploader();
        for (String name : List.of("prod0", "prod1", "prod2")) {
            AnalysisJob job = job(event, name, "LALSuite==7.11\nnumpy==1.26.4\n");
            assertThat(uploader.upload(job, store)).contains(EnvironmentFiles.METADATA, EnvironmentFiles.PIP, "posterior.dat");
        }
        uploader.upload(job(event, "prod0", "LALSuite==7.11\nnumpy==1.26.4\n"), store);

        assertThat(count("environments")).isEqualTo(1);
        assertThat(count("environment_packages")).isEqualTo(2);
        assertThat(count("analysis_environments")).isEqualTo(3);
        assertThat(store.environments().list()).extracting(EnvironmentSummary::analyses).containsExactly(3L);
        assertThat(store.environments().find("lalsuite", "7.11")).hasSize(3);
    }

    @Test
    void anAnalysisBuiltWithoutCaptureUploadsItsOutputsAndRecordsNothing() throws Exception {
        Event event = Ledger.create("project", "test").addEvent(JsonNodeFactory.instance.objectNode().put("name", EVENT));
        AnalysisJob job = job(event, "prod0", "numpy==1.26.4\n");
        job.analysis().meta().remove("environment");

        assertThat(new ResultsUploader().upload(job, store)).containsExactly("posterior.dat");
        assertThat(count("environments")).isZero();
    }

    @Test
    void aRunTimeCaptureIsRecordedAsTheRunPhase() throws Exception {
        Event event = Ledger.create("project", "test").addEvent(JsonNodeFactory.instance.objectNode().put("name", EVENT));
        AnalysisJob job = job(event, "prod0", "numpy==1.26.4\n");
        // the run-time capture found one package changed since the build
        TestingEnvironments.virtualenv(job.runDirectory().resolve(EnvironmentFiles.RUN_DIRECTORY),
                TestingEnvironments.PYTHON_311, "numpy==2.0.0\n");

        assertThat(new ResultsUploader().upload(job, store)).contains("run-" + EnvironmentFiles.METADATA);

        assertThat(store.environments().show(EVENT, "prod0", CapturePhase.BUILD).environment().packages())
                .extracting(PackageRecord::version).containsExactly("1.26.4");
        assertThat(store.environments().show(EVENT, "prod0", CapturePhase.RUN).environment().packages())
                .extracting(PackageRecord::version).containsExactly("2.0.0");
        assertThat(store.environments().list()).extracting(EnvironmentSummary::analyses).containsExactly(1L, 1L);
        assertThat(store.recordStoredEnvironment(EVENT, "prod0", CapturePhase.RUN))
                .isEqualTo(org.asimov.store.environment.Recorded.ALREADY_RECORDED);
    }

    private AnalysisJob job(Event event, String name, String pip) {
        Path runDirectory = dir.resolve("working").resolve(name);
        TestingEnvironments.virtualenv(runDirectory, TestingEnvironments.PYTHON_311, pip);
        TestingFiles.write(runDirectory.resolve("results/posterior.dat"), "42\n");
        Analysis analysis = event.analysis(name).orElseGet(() -> {
            ObjectNode meta = JsonNodeFactory.instance.objectNode().put("pipeline", "local");
            meta.putObject("environment").put("captured_at", true);
            return event.addAnalysis(name, meta);
        });
        CaptureTarget target = CaptureTarget.ofPython(Path.of("/opt/envs/pe/bin/python"));
        return new AnalysisJob(analysis, runDirectory, target, ActivatedEnvironment.of(target));
    }
}
