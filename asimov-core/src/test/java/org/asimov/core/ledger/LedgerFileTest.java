package org.asimov.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {
    @TempDir
    Path dir;

    @Test
    void keepsAsimovsShapeAndKeysItDoesNotKnow() throws IOException {
        Path path = dir.resolve("ledger.yml");
        Files.writeString(path, """
                asimov:
                  version: 0.5.0
                project:
                  name: O4 catalogue
                events:
                - name: GW150914_095045
                  working directory: working/GW150914_095045
                  interferometers: [H1, L1]
                  productions:
                  - prod0:
                      pipeline: local
                      status: ready
                      comment: keep me
                """);
        LedgerFile file = new LedgerFile(path);
        file.update(ledger -> {
            ledger.requireAnalysis("GW150914_095045", "prod0").setStatus(Status.RUNNING);
            return null;
        });
        String saved = Files.readString(path);
        assertThat(saved).contains("interferometers:").contains("comment: keep me").contains("status: running")
                .contains("working directory: working/GW150914_095045");
        Ledger again = file.read();
        assertThat(again.projectName()).isEqualTo("O4 catalogue");
        assertThat(again.requireAnalysis("GW150914_095045", "prod0").status()).isEqualTo(Status.RUNNING);
        assertThat(Files.readString(file.backupPath())).contains("status: ready");
    }

    @Test
    void aFailedChangeWritesNothing() throws IOException {
        Path path = dir.resolve("ledger.yml");
        new LedgerFile(path).create(Ledger.create("p", "0.1.0"));
        String before = Files.readString(path);
        LedgerFile file = new LedgerFile(path);
        assertThatThrownBy(() -> file.update(ledger -> {
            ObjectNode event = JsonNodeFactory.instance.objectNode().put("name", "E1");
            ledger.addEvent(event);
            throw new AsimovException(ErrorKind.INVALID_INPUT, "no");
        })).hasMessage("no");
        assertThat(Files.readString(path)).isEqualTo(before);
        assertThat(file.backupPath()).doesNotExist();
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() throws IOException {
        Path path = dir.resolve("ledger.yml");
        Files.writeString(path, "project:\n  name: x\nevents:\n  - name: [unclosed\n");
        assertThatThrownBy(() -> new LedgerFile(path).read())
                .isInstanceOf(AsimovException.class)
                .hasMessageMatching("(?s).*ledger\\.yml:\\d+:\\d+: malformed YAML.*");
    }

    @Test
    void brokenStructureIsReportedNotTrippedOver() throws IOException {
        Path path = dir.resolve("ledger.yml");
        Files.writeString(path, "events:\n- name: E\n  productions: {prod0: {}}\n");
        assertThatThrownBy(() -> new LedgerFile(path).read()).hasMessageContaining("productions must be a list");
    }

    @Test
    void refusesADuplicateAnalysis() throws IOException {
        Path path = dir.resolve("ledger.yml");
        LedgerFile file = new LedgerFile(path);
        file.create(Ledger.create("p", "0.1.0"));
        assertThatThrownBy(() -> file.update(ledger -> {
            Event event = ledger.addEvent(JsonNodeFactory.instance.objectNode().put("name", "E"));
            event.addAnalysis("a", JsonNodeFactory.instance.objectNode());
            return event.addAnalysis("a", JsonNodeFactory.instance.objectNode());
        })).extracting(e -> ((AsimovException) e).kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(file.read().events()).isEmpty();
    }
}
