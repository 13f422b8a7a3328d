package org.asimov.core.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EnvironmentDiffTest {
    private static final String FP_A = "a".repeat(64);
    private static final String FP_B = "b".repeat(64);

    private static CapturedEnvironment env(String fingerprint, String python, List<PackageRecord> packages) {
        return new CapturedEnvironment(fingerprint, EnvironmentType.VIRTUALENV, python, null, "cpython", "linux-x86_64",
                Instant.EPOCH, packages);
    }

    @Test
    void sameEnvironmentIsIdentical() {
        CapturedEnvironment a = env(FP_A, "3.11.7", List.of(PackageRecord.pip("numpy", "1.26.4", null, false)));
        assertThat(EnvironmentDiff.between(a, a).identical()).isTrue();
    }

    @Test
    void reportsInterpreterAndPackageChangesPerManager() {
        CapturedEnvironment a = env(FP_A, "3.11.7", List.of(
                PackageRecord.pip("LALSuite", "7.10", null, false),
                PackageRecord.pip("numpy", "1.26.4", null, false),
                PackageRecord.pip("scipy", "1.11.0", null, false),
                PackageRecord.conda("python", "3.11.7", "h1", null)));
        CapturedEnvironment b = env(FP_B, "3.11.8", List.of(
                PackageRecord.pip("lalsuite", "7.11", null, false),
                PackageRecord.pip("numpy", "1.26.4", null, false),
                PackageRecord.pip("gwpy", "3.0.8", null, false),
                PackageRecord.conda("python", "3.11.7", "h2", null)));

        EnvironmentDiff diff = EnvironmentDiff.between(a, b);

        assertThat(diff.identical()).isFalse();
        assertThat(diff.interpreter()).containsExactly(new EnvironmentDiff.FieldChange("python_version", "3.11.7", "3.11.8"));
        EnvironmentDiff.ManagerDiff pip = diff.managers().get("pip");
        assertThat(pip.added()).extracting(PackageRecord::name).containsExactly("gwpy");
        assertThat(pip.removed()).extracting(PackageRecord::name).containsExactly("scipy");
        assertThat(pip.changed()).extracting(c -> c.a().version() + "->" + c.b().version()).containsExactly("7.10->7.11");
        assertThat(diff.managers().get("conda").changed()).extracting(c -> c.b().build()).containsExactly("h2");
    }

    @Test
    void theSpellingOfANameIsNoDifference() {
        CapturedEnvironment a = env(FP_A, "3.11.7", List.of(PackageRecord.pip("Foo_Bar", "1", null, false)));
        CapturedEnvironment b = env(FP_B, "3.11.7", List.of(PackageRecord.pip("foo-bar", "1", null, false)));
        assertThat(EnvironmentDiff.between(a, b).identical()).isTrue();
    }
}
