package org.asimov.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BlueprintReaderTest {
    @Test
    void readsEventsAndAnalysesWithDefaults() {
        List<Blueprint> blueprints = BlueprintReader.parse("""
                kind: event
                name: GW150914_095045
                working directory: elsewhere/GW150914
                ---
                kind: analysis
                name: prod1
                event: GW150914_095045
                pipeline: local
                needs: prod0
                environment: /opt/venv
                command: python run.py
                """, "b.yaml");
        assertThat(blueprints).hasSize(2);
        EventBlueprint event = (EventBlueprint) blueprints.get(0);
        assertThat(event.node().path("working directory").asText()).isEqualTo("elsewhere/GW150914");
        AnalysisBlueprint analysis = (AnalysisBlueprint) blueprints.get(1);
        assertThat(analysis.needs()).containsExactly("prod0");
        assertThat(analysis.meta().path("status").asText()).isEqualTo("ready");
        assertThat(analysis.meta().path("environment").path("target").asText()).isEqualTo("/opt/venv");
        assertThat(analysis.meta().has("kind")).isFalse();
    }

    @Test
    void malformedYamlGivesLineAndColumn() {
        assertThatThrownBy(() -> BlueprintReader.parse("kind: event\nname: [x\n", "b.yaml"))
                .hasMessageMatching("(?s)b\\.yaml:\\d+:\\d+: malformed YAML.*");
    }

    @Test
    void namesTheDocumentAndTheProblem() {
        assertThatThrownBy(() -> BlueprintReader.parse("kind: event\nname: E\n---\nkind: analysis\nname: a\nevent: E\n", "b.yaml"))
                .hasMessage("b.yaml (document 2): missing 'pipeline'");
        assertThatThrownBy(() -> BlueprintReader.parse("kind: run\n", "b.yaml"))
                .hasMessageContaining("unknown kind 'run'");
        assertThatThrownBy(() -> BlueprintReader.parse("kind: event\nname: ../../etc\n", "b.yaml"))
                .hasMessageContaining("b.yaml (document 1): invalid event name");
        assertThatThrownBy(() -> BlueprintReader.parse("kind: analysis\nname: a\nevent: E\npipeline: local\nstatus: done\n", "b.yaml"))
                .hasMessageContaining("unknown status 'done'");
    }
}
