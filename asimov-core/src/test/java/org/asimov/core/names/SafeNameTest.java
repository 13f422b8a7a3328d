package org.asimov.core.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"GW150914_095045", "prod0", "environment.json", "Bilby-IMRPhenomXPHM", "résumé", "a b"})
    void acceptsOrdinaryNames(String name) {
        assertThat(SafeName.require("name", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a/b", "/etc/passwd", "..", "../x", "x/..", "a..b", ".", "a\\b", "tab\there",
            "new\nline", "bell\u0007", " lead", "trail ", "C:evil"})
    void refusesNamesThatCouldEscapeOrConfuse(String name) {
        assertThatThrownBy(() -> SafeName.require("event name", name))
                .isInstanceOf(AsimovException.class)
                .hasMessageStartingWith("invalid event name")
                .extracting(e -> ((AsimovException) e).kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    }

    @org.junit.jupiter.api.Test
    void refusesNamesLongerThan255BytesOfUtf8() {
        assertThat(SafeName.isSafe("a".repeat(255))).isTrue();
        assertThat(SafeName.isSafe("a".repeat(256))).isFalse();
        // 128 two-byte characters are 256 bytes although only 128 chars
        assertThatThrownBy(() -> SafeName.require("file name", "é".repeat(128))).hasMessageContaining("256 bytes");
    }

    @org.junit.jupiter.api.Test
    void messagesShowControlCharactersEscaped() {
        assertThatThrownBy(() -> SafeName.require("file name", "x\u001b[31m"))
                .hasMessageContaining("\\u001b").hasMessageContaining("U+001B");
    }
}
