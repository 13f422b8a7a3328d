package org.asimov.it;

import static org.asimov.it.LifecycleIT.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear error, a non-zero exit status, and leaves the ledger as it was. */
class BadInputIT {
    @TempDir
    Path project;

    Path ledger;
    String ledgerBefore;

    @BeforeEach
    void init() throws IOException {
        assertOk(CliRun.in(project, "init", "bad input"));
        apply("kind: event\nname: E\n---\nkind: analysis\nname: a\nevent: E\npipeline: local\ncommand: 'true'\n");
        ledger = project.resolve(".asimov/ledger.yml");
        ledgerBefore = Files.readString(ledger);
    }

    @Test
    void malformedBlueprintNamesFileLineAndColumn() throws IOException {
        CliRun.Result result = apply("kind: event\nname: F\n---\nkind: analysis\nname: [b\n");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).containsPattern("blueprint\\.yaml:5:\\d+: malformed YAML");
        assertUnchanged();
    }

    @Test
    void oneBadDocumentAddsNothingFromTheFile() throws IOException {
        CliRun.Result result = apply("kind: event\nname: F\n---\nkind: analysis\nname: b\nevent: F\npipeline: nosuch\n");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("unknown pipeline 'nosuch'").contains("known pipelines: local");
        assertUnchanged();
    }

    @Test
    void unknownEventDuplicateAnalysisAndUnknownNeed() throws IOException {
        assertThat(apply("kind: analysis\nname: b\nevent: NOPE\npipeline: local\n").err())
                .contains("event 'NOPE', which is not in the ledger");
        CliRun.Result duplicate = apply("kind: analysis\nname: a\nevent: E\npipeline: local\n");
        assertThat(duplicate.exitCode()).isEqualTo(5);
        assertThat(duplicate.err()).contains("already has an analysis 'a'");
        assertThat(apply("kind: analysis\nname: c\nevent: E\npipeline: local\nneeds: [ghost]\n").err())
                .contains("needs 'ghost'");
        assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/b", "..", "\"tab\\there\"", "\"nul\\0x\""})
    void namesThatCouldEscapeAreRefused(String name) throws IOException {
        CliRun.Result result = apply("kind: event\nname: " + name + "\n");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("invalid event name");
        assertUnchanged();
        assertThat(CliRun.in(project, "production", "results", "E", name.replace("\"", "")).exitCode()).isEqualTo(3);
    }

    @Test
    void missingEnvironmentFailsTheBuildOfThatAnalysisAlone() throws IOException {
        apply("kind: analysis\nname: lost\nevent: E\npipeline: local\nenvironment: /no/such/venv/bin/python\ncommand: 'true'\n");
        String before = Files.readString(ledger);
        CliRun.Result build = CliRun.in(project, "manage", "build", "--event", "E");
        assertThat(build.exitCode()).isEqualTo(7);
        assertThat(build.err()).contains("E/lost").contains("/no/such/venv/bin/python does not exist");
        assertThat(build.out()).contains("ok      E/a: built");
        assertThat(Files.readString(ledger)).contains("lost:").doesNotContain("before");
        assertThat(project.resolve("working/E/lost")).doesNotExist();
        assertThat(before).isNotEqualTo(Files.readString(ledger)); // a was recorded
    }

    @Test
    void anEnvironmentThatIsNotAPythonFailsClearly() throws IOException {
        Path notPython = project.resolve("not-python");
        Files.writeString(notPython, "#!/bin/sh\necho hello\n");
        notPython.toFile().setExecutable(true);
        apply("kind: analysis\nname: fake\nevent: E\npipeline: local\nenvironment: " + notPython + "\ncommand: 'true'\n");
        CliRun.Result build = CliRun.in(project, "manage", "build");
        assertThat(build.exitCode()).isEqualTo(7);
        assertThat(build.err()).contains("E/fake").contains(notPython.toString());
        assertThat(LifecycleIT.status(project).toString()).doesNotContain("\"captured_at\":true,\"files\":{\"metadata\":\""
                + project.resolve("working/E/fake"));
    }

    @Test
    void unknownEventOnTheCommandLine() {
        CliRun.Result result = CliRun.in(project, "manage", "build", "--event", "NOPE");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("no event 'NOPE'");
    }

    @Test
    void malformedLedgerIsReportedWithItsLocationAndLeftAlone() throws IOException {
        Files.writeString(ledger, "events:\n  - name: E\n    productions: [\n");
        String broken = Files.readString(ledger);
        CliRun.Result result = CliRun.in(project, "report", "status");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).containsPattern("ledger\\.yml:\\d+:\\d+: malformed YAML");
        assertThat(CliRun.in(project, "manage", "build").exitCode()).isEqualTo(3);
        assertThat(Files.readString(ledger)).isEqualTo(broken);
    }

    @Test
    void outsideAProjectSaysHowToMakeOne(@TempDir Path empty) {
        CliRun.Result result = CliRun.in(empty, "report", "status");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("asimov init");
    }

    private CliRun.Result apply(String text) throws IOException {
        Path file = project.resolve("blueprint.yaml");
        Files.writeString(file, text);
        return CliRun.in(project, "apply", "-f", file.toString());
    }

    private void assertUnchanged() throws IOException {
        assertThat(Files.readString(ledger)).isEqualTo(ledgerBefore);
    }
}
