package org.asimov.capture.pip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.capture.TestingPython;
import org.junit.jupiter.api.Test;

/** Normalisation checked against pip's own vendored packaging, run for real. */
class TestPep440Version {
    private static final List<String> VERSIONS = List.of(
            "1.0", "1.0.0-rc1", "1.0.0_RC1", "v1.0", "V2", " 1.0 ", "1.0\t", "01.002.0003", "0!1.0", "00!1.0", "1!2.0",
            "1.0a", "1.0alpha1", "1.0.beta.2", "1.0c3", "1.0pre", "1.0preview4", "1.0-1", "1.0-post", "1.0.rev3", "1.0r",
            "1.0_post_5", "1.0.dev", "1.0-dev-2", "1.0a1.post2.dev3", "1.0+ABC.007", "1.0+local-01_x", "1.0+", "1.0.x",
            "1.0beta-weird 2", "", "  ", "1..0", "1.0-", "dev", "2024.01.05", "1.0RC1", "1.0.POST1", "1.0.DEV1",
            "1.0a01", "1.0+0", "123456789012345678901234567890", "1.0_", "1.0+a..b", "1.0 beta",
            "0", "00", "007", "0.10", "10.0.0", "1.26.4", "1.", ".1", "0.0.01", "1.0.", "٣.١");

    @Test
    void matchesPackaging() throws Exception {
        String script = "import json,sys\n"
                + "from pip._vendor.packaging.version import Version, InvalidVersion\n"
                + "out = []\n"
                + "for v in json.load(sys.stdin):\n"
                + "    try:\n"
                + "        out.append(str(Version(v)))\n"
                + "    except InvalidVersion:\n"
                + "        out.append(None)\n"
                + "print(json.dumps(out))\n";
        Path python = TestingPython.pyenv("3.13");
        Path input = java.nio.file.Files.createTempFile("versions", ".json");
        try {
            ObjectMapper mapper = new ObjectMapper();
            mapper.writeValue(input.toFile(), VERSIONS);
            String json = TestingPython.run(Path.of("/"), Map.of(),
                    List.of("sh", "-c", "\"$0\" -c \"$1\" < \"$2\"", python.toString(), script, input.toString()));
            JsonNode expected = mapper.readTree(json);
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < VERSIONS.size(); i++) {
                String want = expected.get(i).isNull() ? null : expected.get(i).asText();
                String got = Pep440Version.normalize(VERSIONS.get(i)).orElse(null);
                if (!java.util.Objects.equals(want, got)) {
                    mismatches.add("'" + VERSIONS.get(i) + "': packaging " + want + ", ours " + got);
                }
            }
            assertThat(mismatches).isEmpty();
        } finally {
            java.nio.file.Files.delete(input);
        }
    }

    /** The shortcut for bare releases gives what the full parse gives, for every short string of digits and dots. */
    @Test
    void bareReleasesTakeTheShortcutOnlyWhenAlreadyNormal() {
        List<String> strings = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 6; length++) {
            List<String> longer = new ArrayList<>();
            for (String s : strings) {
                for (char c : new char[] {'0', '1', '9', '.'}) {
                    longer.add(s + c);
                }
            }
            for (String version : longer) {
                if (Pep440Version.isNormalRelease(version)) {
                    assertThat(Pep440Version.parse(version).map(Pep440Version::toString)).as(version).contains(version);
                } else if (!version.isEmpty() && version.chars().allMatch(Character::isDigit)) {
                    assertThat(version).as("only leading zeros keep a number off the shortcut").startsWith("0");
                }
            }
            strings = longer;
        }
        assertThat(Pep440Version.isNormalRelease("1.26.4")).isTrue();
        assertThat(Pep440Version.isNormalRelease("2.9.0.post0")).isFalse();
    }

    @Test
    void examplesFromTheDesign() {
        assertThat(Pep440Version.normalize("1.0.0-rc1")).contains("1.0.0rc1");
        assertThat(Pep440Version.normalize("1.0beta-weird 2")).isEmpty();
    }
}
