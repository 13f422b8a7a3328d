package org.asimov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which runs of the capture jar move to the full jar (LauncherJarIT runs both jars for real). */
class CaptureJarTest {
    @AfterEach
    void forgetTheFullJar() {
        System.clearProperty(CaptureJar.FULL_JAR_PROPERTY);
    }

    @Test
    void aCaptureStaysInTheCaptureJar() {
        System.setProperty(CaptureJar.FULL_JAR_PROPERTY, "/opt/asimov/asimov-all.jar");
        assertThat(CaptureJar.lacksWhatArgumentsNeed("env", "capture", "--python", "python3", "--output", "out")).isFalse();
        assertThat(CaptureJar.lacksWhatArgumentsNeed("--project", "p", "env", "capture", "--help")).isFalse();
    }

    @Test
    void argumentsThatBuildAStoreCommandMove() {
        System.setProperty(CaptureJar.FULL_JAR_PROPERTY, "/opt/asimov/asimov-all.jar");
        assertThat(CaptureJar.lacksWhatArgumentsNeed("env", "capture", "--output", "store")).isTrue();
        assertThat(CaptureJar.lacksWhatArgumentsNeed("env", "capture", "--output", "list")).isTrue();
        assertThat(CaptureJar.lacksWhatArgumentsNeed("env")).isTrue();
    }

    /** Without the launcher's property this is the full jar (or Maven's class path): nothing moves. */
    @Test
    void theFullJarNeverMoves() {
        assertThat(CaptureJar.lacksWhatArgumentsNeed("env", "capture", "--output", "store")).isFalse();
        assertThat(CaptureJar.lacksWhatArgumentsNeed("store", "list")).isFalse();
    }
}
