package org.asimov.capture.pip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which rules apply for which Python and pip (the real environments are covered by the freeze tests). */
class TestPipRules {
    private static final int[] PY310 = {3, 10};
    private static final int[] PY311 = {3, 11};
    private static final int[] PY312 = {3, 12};

    @Test
    void buildBackendsAreHiddenBeforePip232OrBeforePython312() {
        assertThat(PipRules.of(PY312, true, "23.0.1", false).skip()).contains("setuptools", "wheel", "distribute", "pip");
        assertThat(PipRules.of(PY311, true, "23.2.1", false).skip()).contains("setuptools", "wheel", "distribute");
        assertThat(PipRules.of(PY312, true, "23.2.1", false).skip()).containsExactlyInAnyOrder("pip", "python", "wsgiref", "argparse");
        assertThat(PipRules.of(PY312, true, null, false).skip()).doesNotContain("setuptools");
    }

    @Test
    void debianPipAlsoHidesPkgResources() {
        assertThat(PipRules.of(PY311, true, "23.0.1", true).skip()).contains("pkg-resources");
        assertThat(PipRules.of(PY311, true, "23.0.1", false).skip()).doesNotContain("pkg-resources");
    }

    @Test
    void backendAndNamingFollowPipVersion() {
        assertThat(PipRules.of(PY310, false, "24.2", false).importlibBackend()).isFalse();
        assertThat(PipRules.of(PY310, false, "24.2", false).namesFromInfoDirectory()).isFalse();
        assertThat(PipRules.of(PY311, true, "24.1.2", false).namesFromInfoDirectory()).isFalse();
        assertThat(PipRules.of(PY311, true, "24.2", false).namesFromInfoDirectory()).isTrue();
        assertThat(PipRules.of(PY311, true, "23.3.2", false).eggLinkRawName()).isFalse();
        assertThat(PipRules.of(PY311, true, "24.0", false).eggLinkRawName()).isTrue();
        assertThat(PipRules.leadingNumbers("24.0b1")).containsExactly(24, 0);
    }
}
