package org.asimov.it;

import static org.asimov.it.LifecycleIT.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.core.environment.EnvironmentFiles;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code env export} end to end: real environments captured by the real CLI, stored for an
 * analysis, and exported in each format; the CycloneDX documents checked against the schema.
 */
class ExportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "GW200129";

    @TempDir
    Path project;

    @TempDir
    Path work;

    @BeforeEach
    void catalogue() {
        assertOk(CliRun.in(project, "init", "Exports"));
    }

    /** Captures {@code captureArgs} into a directory and stores its files for EVENT/analysis. */
    private Path captureAndStore(String analysis, String... captureArgs) {
        Path captured = work.resolve("captured-" + analysis);
        List<String> args = new java.util.ArrayList<>(List.of("env", "capture", "--output", captured.toString()));
        args.addAll(List.of(captureArgs));
        assertOk(CliRun.run(args.toArray(String[]::new)));
        for (String name : new String[] {EnvironmentFiles.METADATA, EnvironmentFiles.PIP, EnvironmentFiles.CONDA,
                EnvironmentFiles.SYSTEM}) {
            if (Files.exists(captured.resolve(name))) {
                assertOk(CliRun.in(project, "store", "put", EVENT, analysis, captured.resolve(name).toString()));
            }
        }
        return captured;
    }

    private JsonNode validCycloneDx(Path file) throws IOException {
        assertThat(new JsonParser().validate(file.toFile(), Version.VERSION_16)).as(Files.readString(file)).isEmpty();
        return JSON.readTree(file.toFile());
    }

    @Test
    void aStoredVenvExportsInEveryFormat() throws Exception {
        Path venv = TestingPython.venv(work.resolve("venv"));
        TestingPython.pipInstall(venv, TestingPython.project(work.resolve("demo"), "Demo_Pkg", "2.5").toString());
        TestingPython.pipInstall(venv, "-e", TestingPython.project(work.resolve("edit"), "Edit_Me", "0.1").toString());
        Path captured = captureAndStore("pe0", "--python", venv.resolve("bin/python").toString());

        Path bom = work.resolve("f.json");
        CliRun.Result exported = CliRun.in(project, "env", "export", EVENT + "/pe0", "--format", "cyclonedx",
                "--output", bom.toString());
        assertOk(exported);
        assertThat(exported.out()).isEmpty();
        assertThat(exported.err()).contains("Exported " + EVENT + "/pe0 as cyclonedx to " + bom);

        JsonNode document = validCycloneDx(bom);
        assertThat(document.path("specVersion").asText()).isEqualTo("1.6");
        JsonNode components = document.path("components");
        assertThat(components.findValuesAsText("type")).contains("platform", "operating-system");
        assertThat(components).filteredOn(c -> c.path("type").asText().equals("library")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.path("purl").asText()).startsWith("pkg:"));
        List<String> purls = components.findValuesAsText("purl");
        assertThat(purls).contains("pkg:pypi/demo-pkg", "pkg:pypi/edit-me@0.1").anyMatch(p -> p.startsWith("pkg:generic/cpython@3."));
        // the system part: the OS packages that own the libraries the interpreter loads
        String osId = document.at("/components/1/name").asText();
        assertThat(purls).anyMatch(p -> p.startsWith("pkg:deb/" + osId + "/libc6@") && p.contains("arch="));
        JsonNode editMe = components.findParents("name").stream()
                .filter(c -> c.path("name").asText().equals("Edit_Me")).findFirst().orElseThrow();
        assertThat(editMe.toString()).contains("asimov:editable").contains(work.resolve("edit").toUri().toString()
                .replaceAll("/$", ""));
        assertThat(document.at("/metadata/properties").findValuesAsText("value"))
                .contains(JSON.readTree(captured.resolve(EnvironmentFiles.METADATA).toFile()).at("/fingerprint/value").asText());

        CliRun.Result requirements = CliRun.in(project, "env", "export", EVENT + "/pe0", "--format", "requirements");
        assertOk(requirements);
        assertThat(requirements.out()).isEqualTo(Files.readString(captured.resolve(EnvironmentFiles.PIP)))
                .contains("Demo_Pkg @ file://");
        CliRun.Result json = CliRun.in(project, "env", "export", EVENT + "/pe0@build", "--format", "json");
        assertOk(json);
        assertThat(json.out()).isEqualTo(Files.readString(captured.resolve(EnvironmentFiles.METADATA)));
        // a directory of environment files needs no store
        CliRun.Result fromDirectory = CliRun.run("env", "export", captured.toString(), "--format", "requirements");
        assertOk(fromDirectory);
        assertThat(fromDirectory.out()).isEqualTo(requirements.out());

        CliRun.Result notConda = CliRun.in(project, "env", "export", EVENT + "/pe0", "--format", "conda");
        assertThat(notConda.exitCode()).as(notConda.toString()).isEqualTo(3);
        assertThat(notConda.err()).contains("is a virtualenv environment").contains("--format requirements");
    }

    @Test
    void aCondaPrefixExportsChannelAndSubdirInItsPurls() throws Exception {
        Path prefix = TestingPython.venv(work.resolve("miniforge/envs/analysis"));
        TestingPython.pipInstall(prefix, TestingPython.project(work.resolve("tool"), "Local_Tool", "0.3").toString());
        String version = TestingPython.run(List.of(prefix.resolve("bin/python").toString(), "-c",
                "import platform; print(platform.python_version())")).strip();
        TestingCondaPrefix.history(prefix);
        TestingCondaPrefix.record(prefix, "python", version, "hab00c5b_0_cpython", "https://conda.anaconda.org/conda-forge/linux-64", "linux-64");
        TestingCondaPrefix.record(prefix, "tzdata", "2024a", "h0c530f3_0", "https://conda.anaconda.org/conda-forge/noarch", "noarch");
        TestingCondaPrefix.record(prefix, "zlib", "1.2.13", "h5eee18b_1", "https://repo.anaconda.com/pkgs/main/linux-64", "linux-64");
        Path captured = captureAndStore("conda0", "--prefix", prefix.toString(), "--no-system");

        Path bom = work.resolve("conda.json");
        assertOk(CliRun.in(project, "env", "export", EVENT + "/conda0", "--format", "cyclonedx", "--output", bom.toString()));

        List<String> purls = validCycloneDx(bom).path("components").findValuesAsText("purl");
        assertThat(purls).contains(
                "pkg:conda/python@" + version + "?build=hab00c5b_0_cpython&channel=conda-forge&subdir=linux-64",
                "pkg:conda/tzdata@2024a?build=h0c530f3_0&channel=conda-forge&subdir=noarch",
                "pkg:conda/zlib@1.2.13?build=h5eee18b_1&channel=defaults&subdir=linux-64",
                "pkg:pypi/local-tool@0.3");
        assertThat(purls).noneMatch(p -> p.startsWith("pkg:deb/")).noneMatch(p -> p.startsWith("pkg:conda/local-tool"));

        CliRun.Result conda = CliRun.in(project, "env", "export", EVENT + "/conda0", "--format", "conda");
        assertOk(conda);
        assertThat(conda.out()).isEqualTo(Files.readString(captured.resolve(EnvironmentFiles.CONDA)))
                .contains("# platform: linux-64\n", "\nlocal-tool=0.3=pypi_0\n");
    }

    @Test
    void badInputSaysWhatIsWrongAndWritesNothing() throws Exception {
        Path files = work.resolve("files");
        TestingEnvironmentFiles.write(files, "3.11.7", "numpy==1.26.4\n", null);
        assertOk(CliRun.in(project, "store", "put", EVENT, "pe1", files.resolve(EnvironmentFiles.METADATA).toString()));
        assertOk(CliRun.in(project, "store", "put", EVENT, "pe1", files.resolve(EnvironmentFiles.PIP).toString()));

        CliRun.Result unknown = CliRun.in(project, "env", "export", EVENT + "/nope", "--format", "cyclonedx");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(4);
        assertThat(unknown.err()).contains("no build environment is stored for " + EVENT + "/nope");

        Path existing = Files.writeString(work.resolve("existing.json"), "keep me");
        CliRun.Result refused = CliRun.in(project, "env", "export", EVENT + "/pe1", "--format", "cyclonedx",
                "--output", existing.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
        assertThat(refused.err()).contains("already exists").contains("--force");
        assertThat(existing).hasContent("keep me");
        assertOk(CliRun.in(project, "env", "export", EVENT + "/pe1", "--format", "cyclonedx", "--output", existing.toString(),
                "--force"));
        assertThat(validCycloneDx(existing).path("components").findValuesAsText("purl")).contains("pkg:pypi/numpy@1.26.4");

        CliRun.Result format = CliRun.in(project, "env", "export", EVENT + "/pe1", "--format", "spdx");
        assertThat(format.exitCode()).as(format.toString()).isEqualTo(2);
        assertThat(format.err()).contains("cyclonedx, requirements, conda, json");

        CliRun.Result help = CliRun.run("env", "export", "--help");
        assertOk(help);
        assertThat(help.out()).startsWith("Usage: asimov env export").contains("--format", "--output", "--force");
    }
}
