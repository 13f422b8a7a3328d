package org.asimov.cli.env.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class CycloneDxDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final String FINGERPRINT = "3f0c" + "0".repeat(60);

    /** environment.json as a capture with the system part writes it (the keys the export reads). */
    static String metadata(String type, String conda) {
        return """
                {"timestamp": "2024-03-01T10:15:30.123456+00:00", "environment_type": "%s",
                 "python_version": "3.11.7 (main, Dec  4 2023, 18:10:11) [GCC 12.2.0]",
                 "python_executable": "/opt/envs/pe/bin/python",%s
                 "fingerprint": {"algorithm": "sha256", "value": "%s"},
                 "interpreter": {"implementation": "cpython", "version": "3.11.7", "platform": "linux-x86_64"},
                 "system": {"os": {"id": "debian", "name": "Debian GNU/Linux", "version_id": "12",
                                   "pretty_name": "Debian GNU/Linux 12 (bookworm)"},
                            "kernel": "6.1.0-18-amd64", "architecture": "x86_64"}%s}
                """.formatted(type, type.equals("conda") ? " \"conda_env_name\": \"pe\"," : "", FINGERPRINT, conda);
    }

    static final String SYSTEM = "# Debian GNU/Linux 12 (bookworm)\n# OS packages that own ...\n"
            + "dpkg:libc6=2.36-9+deb12u14\ndpkg:zlib1g=1:1.2.13.dfsg-1\n";

    static ExportedEnvironment venv() {
        String pip = "# Editable install with no version control (Local_Tool==0.3)\n-e /home/me/src/local tool\n"
                + "Demo-Pkg @ file:///tmp/demo\nLALSuite==7.11\nnumpy==1.26.4\n";
        return ExportedEnvironment.parse("GW150914_095045/prod0", metadata("virtualenv", ""), pip, null, SYSTEM);
    }

    static ExportedEnvironment conda() {
        String pip = "Local_Tool @ file:///home/me/src/tool\nnumpy==1.26.4\n";
        String conda = "# platform: linux-64\nlocal-tool=0.3=pypi_0\nnumpy=1.26.4=py311h64a7726_0\n"
                + "pip=24.0=pyhd8ed1ab_0\npython=3.11.7=hab00c5b_1_cpython\n";
        String recorded = """
                , "conda": {"subdir": "linux-64", "packages": {
                    "numpy": {"channel": "conda-forge", "subdir": "linux-64"},
                    "pip": {"channel": "conda-forge", "subdir": "noarch"},
                    "python": {"channel": "conda-forge", "subdir": "linux-64"}}}""";
        return ExportedEnvironment.parse("GW150914_095045/prod3", metadata("conda", recorded), pip, conda, null);
    }

    static JsonNode document(ExportedEnvironment environment) throws Exception {
        return JSON.readTree(CycloneDxDocument.render(environment, NOW));
    }

    static List<String> purls(JsonNode document) {
        return document.path("components").findValuesAsText("purl");
    }

    @Test
    void aVenvHasItsInterpreterOsAndEveryPackageWithAPurl() throws Exception {
        JsonNode bom = document(venv());

        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.at("/metadata/timestamp").asText()).startsWith("2024-06-01T12:00:00");
        assertThat(bom.at("/metadata/properties").findValuesAsText("value")).contains(FINGERPRINT,
                "2024-03-01T10:15:30.123456Z", "virtualenv");
        assertThat(bom.at("/metadata/properties").findValuesAsText("name")).allMatch(n -> n.startsWith("asimov:"));
        assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("GW150914_095045/prod0");

        JsonNode components = bom.path("components");
        JsonNode python = components.get(0);
        assertThat(python.path("type").asText()).isEqualTo("platform");
        assertThat(python.path("name").asText()).isEqualTo("cpython");
        assertThat(python.path("purl").asText()).isEqualTo("pkg:generic/cpython@3.11.7");
        JsonNode os = components.get(1);
        assertThat(os.path("type").asText()).isEqualTo("operating-system");
        assertThat(os.path("name").asText()).isEqualTo("debian");
        assertThat(os.path("version").asText()).isEqualTo("12");

        assertThat(components).filteredOn(c -> c.path("type").asText().equals("library")).hasSize(6)
                .allSatisfy(c -> assertThat(c.path("purl").asText()).startsWith("pkg:"))
                .allSatisfy(c -> assertThat(c.path("bom-ref").asText()).isEqualTo(c.path("purl").asText()));
        assertThat(purls(bom)).containsExactly("pkg:generic/cpython@3.11.7", "pkg:pypi/local-tool@0.3",
                "pkg:pypi/demo-pkg", "pkg:pypi/lalsuite@7.11", "pkg:pypi/numpy@1.26.4",
                "pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12",
                "pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&distro=debian-12");
        JsonNode editable = components.get(2);
        assertThat(editable.path("name").asText()).isEqualTo("Local_Tool");
        assertThat(editable.at("/externalReferences/0/url").asText()).isEqualTo("file:///home/me/src/local%20tool");
        assertThat(editable.path("properties").toString()).contains("asimov:editable");
        assertThat(components.get(3).at("/externalReferences/0/url").asText()).isEqualTo("file:///tmp/demo");
        // the environment depends on each component, and the graph names nothing else
        assertThat(bom.at("/dependencies/0/ref").asText()).isEqualTo(bom.at("/metadata/component/bom-ref").asText());
        assertThat(bom.at("/dependencies/0/dependsOn")).hasSize(components.size());
    }

    @Test
    void aCondaEnvironmentListsCondaPackagesWithChannelAndSubdirAndPipOnesAsPypi() throws Exception {
        JsonNode bom = document(conda());

        assertThat(purls(bom)).as("conda's version for pip's direct-URL install").containsExactly("pkg:generic/cpython@3.11.7",
                "pkg:pypi/local-tool@0.3",
                "pkg:conda/numpy@1.26.4?build=py311h64a7726_0&channel=conda-forge&subdir=linux-64",
                "pkg:conda/pip@24.0?build=pyhd8ed1ab_0&channel=conda-forge&subdir=noarch",
                "pkg:conda/python@3.11.7?build=hab00c5b_1_cpython&channel=conda-forge&subdir=linux-64");
        // the source from pip freeze, the version from conda's line
        assertThat(bom.at("/components/2/externalReferences/0/url").asText()).isEqualTo("file:///home/me/src/tool");
        // pip freeze's numpy is conda's numpy: one component, not two
        assertThat(bom.path("components").findValuesAsText("name")).containsOnlyOnce("numpy");
        assertThat(bom.at("/metadata/properties").findValuesAsText("value")).contains("conda", "pe");
    }

    @Test
    void anOlderCondaRecordGetsNoInventedChannelOrSubdir() throws Exception {
        ExportedEnvironment old = ExportedEnvironment.parse("old", metadata("conda", ""), "numpy==1.26.4\n",
                "# platform: linux-64\nnumpy=1.26.4=py311h64a7726_0\n", null);

        assertThat(purls(document(old))).contains("pkg:conda/numpy@1.26.4?build=py311h64a7726_0");
    }

    @Test
    void theDocumentIsValidCycloneDx16() throws Exception {
        JsonParser parser = new JsonParser();
        for (ExportedEnvironment environment : List.of(venv(), conda())) {
            String document = CycloneDxDocument.render(environment, NOW);
            List<ParseException> errors = parser.validate(document, CycloneDxDocument.SPEC_VERSION);
            assertThat(errors).as(document).isEmpty();
        }
    }

    @Test
    void theValidatorCatchesABrokenDocument() throws Exception {
        ObjectNode broken = (ObjectNode) document(venv());
        ((ObjectNode) broken.path("components").get(2)).put("type", "python-package");
        broken.remove("specVersion");

        List<ParseException> errors = new JsonParser().validate(JSON.writeValueAsString(broken),
                CycloneDxDocument.SPEC_VERSION);

        assertThat(errors).extracting(Throwable::getMessage)
                .anySatisfy(m -> assertThat(m).contains("components[2].type"))
                .anySatisfy(m -> assertThat(m).contains("specVersion"));
    }
}
