package org.asimov.capture.conda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter every capture holds: conda's export for a conda prefix, nothing for any other. */
class OnDemandCondaExporterTest {
    @TempDir
    Path tmp;

    @Test
    void aCondaPrefixIsExportedAsTheStandardExporterDoes() {
        TestingCondaPrefix prefix = CondaPrefixScenarios.analysis(tmp);
        OnDemandCondaExporter onDemand = new OnDemandCondaExporter();

        CondaExport export = onDemand.export(prefix.root()).orElseThrow();
        CondaExport standard = CondaMetaExporter.standard().export(prefix.root()).orElseThrow();

        assertThat(export.text()).isEqualTo(standard.text()).contains("numpy=1.26.4=py311h64a7726_0\n");
        assertThat(export.envName()).isEqualTo("analysis");
        // the exporter it built is kept for the next prefix
        assertThat(onDemand.export(prefix.root()).orElseThrow().text()).isEqualTo(export.text());
    }

    @Test
    void aPrefixWithoutCondaHistoryHasNoExport() throws Exception {
        Path venv = Files.createDirectories(tmp.resolve("venv").resolve("conda-meta"));
        assertThat(new OnDemandCondaExporter().export(tmp.resolve("venv"))).isEmpty();
        // conda-meta alone is not an environment: conda looks for its history file
        Files.writeString(venv.resolve("python-3.11.9-hb806964_0_cpython.json"), "{}");
        assertThat(new OnDemandCondaExporter().export(tmp.resolve("venv"))).isEmpty();
        assertThat(new OnDemandCondaExporter().export(tmp.resolve("missing"))).isEmpty();
    }
}
