package org.asimov.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IniFileTest {
    @Test
    void readsConfigparserStyle() {
        IniFile ini = IniFile.parse("""
                # comment
                [storage]
                Directory = results
                database: jdbc:postgresql://db/asimov?ssl=true
                ; another comment

                [pipelines]
                environment =
                """, "asimov.conf");
        assertThat(ini.get("storage", "directory")).contains("results");
        assertThat(ini.get("storage", "database")).contains("jdbc:postgresql://db/asimov?ssl=true");
        assertThat(ini.get("pipelines", "environment")).isEmpty();
        assertThat(ini.get("nothing", "here")).isEmpty();
    }

    @Test
    void roundTripsWhatItRenders() {
        IniFile ini = Project.defaultConfig("My project");
        IniFile again = IniFile.parse(ini.render(), "x");
        assertThat(again.render()).isEqualTo(ini.render());
        assertThat(again.get("project", "name")).contains("My project");
    }

    @Test
    void namesTheLineOfAMalformedSetting() {
        assertThatThrownBy(() -> IniFile.parse("[a]\nx = 1\nnot a setting\n", "asimov.conf"))
                .hasMessageStartingWith("asimov.conf:3:");
        assertThatThrownBy(() -> IniFile.parse("x = 1\n", "asimov.conf"))
                .hasMessageContaining("after a [section]");
    }
}
