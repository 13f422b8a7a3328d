package org.asimov.core.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.asimov.core.error.AsimovException;
import org.junit.jupiter.api.Test;

class PipFreezeParserTest {
    @Test
    void readsEveryLineFormPipFreezePrints() {
        String freeze = """
                # Editable Git install with no remote (asimov-dev==0.1.dev3)
                -e /home/me/src/asimov
                attrs==23.2.0
                # Editable install with no version control (Bilby_Pipe==1.3.0)
                -e /home/me/src/bilby_pipe
                -e git+https://git.ligo.org/lscsoft/lalsuite.git@0123abcd#egg=lal_suite&subdirectory=lal
                # Editable Git install (gwpy==3.0.8) with either a deleted local remote or invalid URI:
                # 'file:///gone'
                -e /home/me/src/gwpy
                LALSuite==7.11
                legacy===2004d
                numpy @ https://files.example.org/numpy-1.26.4.whl#sha256=abc
                pesummary @ git+https://git.ligo.org/lscsoft/pesummary@deadbeef

                """;
        List<PackageRecord> records = PipFreezeParser.parse(freeze);
        assertThat(records).containsExactly(
                PackageRecord.pip("asimov-dev", "0.1.dev3", "/home/me/src/asimov", true),
                PackageRecord.pip("attrs", "23.2.0", null, false),
                PackageRecord.pip("Bilby_Pipe", "1.3.0", "/home/me/src/bilby_pipe", true),
                PackageRecord.pip("lal_suite", "", "git+https://git.ligo.org/lscsoft/lalsuite.git@0123abcd#egg=lal_suite&subdirectory=lal", true),
                PackageRecord.pip("gwpy", "3.0.8", "/home/me/src/gwpy", true),
                PackageRecord.pip("LALSuite", "7.11", null, false),
                PackageRecord.pip("legacy", "2004d", null, false),
                PackageRecord.pip("numpy", "", "https://files.example.org/numpy-1.26.4.whl#sha256=abc", false),
                PackageRecord.pip("pesummary", "", "git+https://git.ligo.org/lscsoft/pesummary@deadbeef", false));
    }

    @Test
    void aCommentOnlyNamesTheEditableLineRightAfterIt() {
        List<PackageRecord> records = PipFreezeParser.parse("""
                # Editable install with no version control (a==1.0)
                b==2.0
                -e /src/c
                """);
        assertThat(records).containsExactly(PackageRecord.pip("b", "2.0", null, false),
                PackageRecord.pip("c", "", "/src/c", true));
    }

    @Test
    void theFirstOfTwoSpellingsOfOneNameWins() {
        assertThat(PipFreezeParser.parse("Foo.Bar==1\nfoo_bar==2\n"))
                .containsExactly(PackageRecord.pip("Foo.Bar", "1", null, false));
    }

    @Test
    void emptyAndWindowsLineEndsAreFine() {
        assertThat(PipFreezeParser.parse("")).isEmpty();
        assertThat(PipFreezeParser.parse("a==1\r\nb==2\r\n")).hasSize(2);
    }

    @Test
    void aLineThatIsNoRequirementNamesItsLine() {
        assertThatThrownBy(() -> PipFreezeParser.parse("a==1\nthis is not pip\n"))
                .isInstanceOf(AsimovException.class)
                .hasMessageContaining("environment-pip.txt line 2")
                .hasMessageContaining("this is not pip");
        assertThatThrownBy(() -> PipFreezeParser.parse("a==\n")).hasMessageContaining("no version");
    }

    @Test
    void canonicalNamesFollowPep503() {
        assertThat(PackageNames.canonical("LAL_Suite")).isEqualTo("lal-suite");
        assertThat(PackageNames.canonical("zope.interface")).isEqualTo("zope-interface");
        assertThat(PackageNames.canonical("a-_.b")).isEqualTo("a-b");
        assertThat(PackageNames.canonical("numpy")).isEqualTo("numpy");
    }
}
