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

    private static boolean moves(String... args) {
        return CaptureJar.lacksWhatTreeNeeds(CommandTree.forArguments(args));
    }

    @Test
    void aCaptureStaysInTheCaptureJar() {
        System.setProperty(CaptureJar.FULL_JAR_PROPERTY, "/opt/asimov/asimov-all.jar");
        assertThat(moves("env", "capture", "--python", "python3", "--output", "out")).isFalse();
        assertThat(moves("--project", "p", "env", "capture", "--help")).isFalse();
    }

    @Test
    void argumentsThatBuildAStoreCommandMove() {
        System.setProperty(CaptureJar.FULL_JAR_PROPERTY, "/opt/asimov/asimov-all.jar");
        assertThat(moves("env", "capture", "--output", "store")).isTrue();
        assertThat(moves("env", "capture", "--output", "list")).isTrue();
        assertThat(moves("env")).isTrue();
    }

    /** Without the launcher's property this is the full jar (or Maven's class path): nothing moves. */
    @Test
    void theFullJarNeverMoves() {
        assertThat(moves("env", "capture", "--output", "store")).isFalse();
        assertThat(moves("store", "list")).isFalse();
    }
}
