package org.asimov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.asimov.core.AsimovVersion;
import org.junit.jupiter.api.Test;

class VersionProviderTest {
    /** The Java line is read from a property (it is cheaper); it must say what Runtime.version() says. */
    @Test
    void namesAsimovAndTheJavaThatRunsIt() {
        assertThat(new VersionProvider().getVersion()).containsExactly("asimov (Java) " + AsimovVersion.VERSION,
                "Java " + Runtime.version() + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
