package org.asimov.core.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.asimov.core.environment.PackageRecord;
import org.junit.jupiter.api.Test;

class PipRequirementsTest {
    @Test
    void keepsFreezeLinesVerbatimAndSetsAsideWhatTheRecordCannotRebuild() {
        PipRequirements requirements = PipRequirements.of(TestingRecords.PIP);
        assertThat(requirements.lines()).containsExactly("alpha==0.1.0", "Legacy===1.0-foo",
                "pkg @ https://example.org/pkg-1.0.tar.gz#sha256=abc123", "tool @ git+https://example.org/tool.git@0123456789abcdef");
        assertThat(requirements.pins()).extracting(PackageRecord::name).containsExactly("alpha", "Legacy");
        assertThat(requirements.unrebuildable()).extracting(Unrebuildable::name).containsExactly("mine", "wheelish");
        assertThat(requirements.unrebuildable().get(0).reason()).contains("editable install of /home/me/mine").contains("0.2");
        assertThat(requirements.unrebuildable().get(0).advice()).contains("--find-links");
        assertThat(requirements.unrebuildable().get(1).reason()).contains("local path");

        String text = requirements.text("E/A");
        assertThat(text).contains("# left out, see README.md: -e /home/me/mine\n")
                .contains("\nalpha==0.1.0\nLegacy===1.0-foo\n").doesNotContain("\n-e ").doesNotContain("\nwheelish");
    }

    @Test
    void keepsOnlyTheNamesAsked() {
        PipRequirements requirements = PipRequirements.of("Alpha_One==1\nbeta==2\n", "alpha-one"::equals);
        assertThat(requirements.lines()).containsExactly("Alpha_One==1");
    }
}
