package org.asimov.core.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.asimov.core.error.AsimovException;
import org.junit.jupiter.api.Test;

class CondaExportParserTest {
    @Test
    void readsRecordsAndMarksPipInstalledOnes() {
        String export = """
                # This file may be used to create an environment using:
                # $ conda create --name <env> --file <this file>
                # platform: linux-64
                # created-by: conda 24.11.0
                _libgcc_mutex=0.1=conda_forge
                lalsuite=7.11=py311h1234_0
                my-tool=0.3=pypi_0
                python=3.11.7=hab00c5b_1_cpython
                """;
        assertThat(CondaExportParser.parse(export)).containsExactly(
                PackageRecord.conda("_libgcc_mutex", "0.1", "conda_forge", null),
                PackageRecord.conda("lalsuite", "7.11", "py311h1234_0", null),
                PackageRecord.conda("my-tool", "0.3", "pypi_0", "pypi"),
                PackageRecord.conda("python", "3.11.7", "hab00c5b_1_cpython", null));
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> CondaExportParser.parse("# header\nnumpy==1.26\n"))
                .isInstanceOf(AsimovException.class)
                .hasMessageContaining("environment-conda.txt line 2")
                .hasMessageContaining("name=version=build");
    }

    @Test
    void thePlatformComesFromTheHeader() {
        assertThat(CondaExportParser.platform("# This file may be used to create an environment using:\r\n"
                + "# platform: osx-arm64\r\nnumpy=1.26.4=py311_0\r\n")).isEqualTo("osx-arm64");
        assertThat(CondaExportParser.platform("numpy=1.26.4=py311_0\n")).isNull();
    }
}
