package org.asimov.core.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CondaSpecTest {
    private static final String CONDA = """
            # This file may be used to create an environment using:
            # $ conda create --name <env> --file <this file>
            # platform: linux-64
            # created-by: conda 24.9.2
            lalsuite=7.11=py311_0
            my_tool=1.2=pypi_0
            python=3.11.7=h1_cpython
            """;

    @Test
    void specHasTheCondaRecordsAndThePlatformButNotPipsOnes() {
        assertThat(CondaSpec.text("E/A", CONDA)).endsWith("# platform: linux-64\nlalsuite=7.11=py311_0\npython=3.11.7=h1_cpython\n")
                .contains("conda create --name ENV --file conda-spec.txt").doesNotContain("pypi_0");
        assertThat(CondaSpec.pipInstalled(CONDA)).containsExactly("my-tool");
    }

    @Test
    void aCondaRecipeHasTheSpecAndOnlyPipsPartInRequirements() {
        RestoreSource source = TestingRecords.source("conda", "3.11.7", "/opt/conda/envs/pe/bin/python",
                "lalsuite==7.11\nmy-tool==1.2\n", CONDA, null);
        RestoreRecipe recipe = RestoreRecipe.of(source);
        assertThat(recipe.files()).containsKeys("conda-spec.txt", "requirements.txt", "restore.sh");
        assertThat(recipe.files().get("requirements.txt")).endsWith("\nmy-tool==1.2\n").doesNotContain("lalsuite");
        assertThat(recipe.files().get("restore.sh")).contains("--file \"$here/conda-spec.txt\"").contains("exit 11")
                .doesNotContain("-m venv");
        assertThat(recipe.files().get("Containerfile")).contains("Miniforge3").contains("COPY restore.sh requirements.txt conda-spec.txt /opt/asimov-restore/")
                .contains("CONDA_EXE=/opt/conda/bin/conda sh /opt/asimov-restore/restore.sh /opt/env");
    }
}
