package org.asimov.capture.pip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.capture.TestingPython;
import org.junit.jupiter.api.Test;

/** The order pkg_resources gives the metadata directories of one sys.path entry, against pip 23.0's vendored copy. */
class TestPkgResourcesOrder {
    private static final List<String> NAMES = List.of(
            "cryptography.egg-info", "cryptography-38.0.4.dist-info", "six-1.16.0.dist-info", "six-1.9.dist-info",
            "six-1.16.0.post1.egg-info", "six-1.16.0rc1.dist-info", "six-1.16.0.dev0.dist-info", "six-1.16.0+local.7.dist-info",
            "six-1.16.0+local.10.dist-info", "six-1.16.0+abc.dist-info", "six-1!0.1.dist-info", "legacy-1.0beta_weird_2.egg-info",
            "legacy-1.0.x.egg-info", "legacy-1.0-2.egg-info", "legacy-2.0-py3.8.egg-info", "Zeta-0.egg-info", "zeta-1.0.0.egg-info",
            "a-b-c-1.0.dist-info", "A_B-1.0.dist-info", "nover.dist-info", "pre-1.0pre1.egg-info", "pre-1.0c2.egg-info",
            "dev-1.0.dev.egg-info", "dev-1.0-dev.egg-info", "mixed-1.0_rc.egg-info", "mixed-1.0~x.egg-info");

    @Test
    void matchesVendoredPkgResources() throws Exception {
        String script = "import json,sys\n"
                + "from pip._vendor.pkg_resources import _by_version_descending\n"
                + "print(json.dumps(_by_version_descending(json.load(sys.stdin))))\n";
        ObjectMapper mapper = new ObjectMapper();
        Path input = Files.createTempFile("names", ".json");
        try {
            mapper.writeValue(input.toFile(), NAMES);
            String json = TestingPython.run(Path.of("/"), Map.of(), List.of("sh", "-c", "\"$0\" -c \"$1\" < \"$2\"",
                    TestingPython.pyenv("3.10").toString(), script, input.toString()));
            List<?> expected = mapper.readValue(json, List.class);
            assertThat(PkgResourcesDistributionFinder.byVersionDescending(NAMES)).isEqualTo(expected);
        } finally {
            Files.delete(input);
        }
    }
}
