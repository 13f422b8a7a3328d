package org.asimov.core.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContainerRecipeTest {
    private static final String DPKG = "# Debian GNU/Linux 12 (bookworm)\ndpkg:libc6=2.36-9+deb12u14\ndpkg:zlib1g=1:1.2.13.dfsg-1\n";

    @Test
    void debianWithTheDistributionsPythonInstallsItAndThePinnedPackages() {
        RecipeFiles recipe = recipe(TestingRecords.source("system", "3.11.2", "/usr/bin/python3", "alpha==1\n", null, DPKG,
                "debian", "12"));
        assertThat(recipe.from).isEqualTo("debian:12");
        assertThat(recipe.runs.get(0)).startsWith("apt-get update && ").contains(" python3 python3-venv ")
                .contains("'libc6=2.36-9+deb12u14' 'zlib1g=1:1.2.13.dfsg-1'");
        assertThat(recipe.runs.get(recipe.runs.size() - 1))
                .isEqualTo("ASIMOV_PYTHON=/usr/bin/python3 sh /opt/asimov-restore/restore.sh /opt/venv");
        assertThat(recipe.runs).noneMatch(run -> run.contains("python.org"));
        assertThat(recipe.definition).isEqualTo(recipe.runs);
        assertThat(recipe.definitionHeader).containsEntry("Bootstrap", "docker").containsEntry("From", "debian:12");
    }

    @Test
    void ubuntuWithAPyenvPythonBuildsThatExactVersion() {
        RecipeFiles recipe = recipe(TestingRecords.source("virtualenv", "3.11.7", "/home/me/venv/bin/python", "alpha==1\n",
                null, "dpkg:libc6=2.35-0ubuntu3.6\n", "ubuntu", "22.04"));
        assertThat(recipe.from).isEqualTo("ubuntu:22.04");
        assertThat(recipe.runs.get(0)).contains("build-essential").contains("'libc6=2.35-0ubuntu3.6'");
        assertThat(recipe.runs.get(1)).contains("https://www.python.org/ftp/python/3.11.7/Python-3.11.7.tgz")
                .contains("--prefix=/opt/python/3.11.7");
        assertThat(recipe.runs.get(2)).startsWith("ASIMOV_PYTHON=/opt/python/3.11.7/bin/python3 sh ");
        assertThat(recipe.containerfile).contains("\nENV PATH=/opt/venv/bin:$PATH\n");
    }

    @Test
    void rpmBasedSystemsUseDnfWithNameDashVersion() {
        RecipeFiles recipe = recipe(TestingRecords.source("virtualenv", "3.9.18", "/opt/venv/bin/python", "alpha==1\n", null,
                "rpm:glibc=2.34-60.el9\n", "rocky", "9.3"));
        assertThat(recipe.from).isEqualTo("rockylinux/rockylinux:9.3");
        assertThat(recipe.runs.get(0)).startsWith("dnf install -y ").contains("openssl-devel").contains("'glibc-2.34-60.el9'")
                .endsWith("&& dnf clean all");
        assertThat(recipe(TestingRecords.source("virtualenv", "3.12.1", "/x/bin/python", "", null, null, "fedora", "39")).from)
                .isEqualTo("fedora:39");
    }

    @Test
    void noSystemPartSaysSoAndUsesTheDefault() {
        RecipeFiles recipe = recipe(TestingRecords.source("virtualenv", "3.11.7", "/x/bin/python", "alpha==1\n", null, null));
        assertThat(recipe.from).isEqualTo(BaseImage.DEFAULT);
        assertThat(recipe.containerfile).contains("# The record has no system part").contains("no environment-system.txt");
    }

    @Test
    void unknownSystemsAreAGuessSaidOutLoud() {
        BaseImage image = BaseImage.of(new org.asimov.core.system.OsRelease("plan9", "Plan 9", "4", null), null);
        assertThat(image.reference()).isEqualTo("plan9:4");
        assertThat(image.notes()).singleElement().asString().contains("is a guess");
    }

    /** The Containerfile's instructions and the Apptainer definition's header and %post, parsed. */
    private record RecipeFiles(String containerfile, String from, List<String> runs, Map<String, String> definitionHeader,
            List<String> definition) {
    }

    private static RecipeFiles recipe(RestoreSource source) {
        RestoreRecipe recipe = RestoreRecipe.of(source);
        String containerfile = recipe.files().get(ContainerRecipe.CONTAINERFILE);
        String from = null;
        List<String> runs = new ArrayList<>();
        for (String line : containerfile.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] instruction = line.split(" ", 2);
            assertThat(instruction[0]).isIn("FROM", "COPY", "RUN", "ENV");
            if (instruction[0].equals("FROM")) {
                from = instruction[1];
            } else if (instruction[0].equals("RUN")) {
                runs.add(instruction[1]);
            }
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<String> post = new ArrayList<>();
        String section = null;
        for (String line : recipe.files().get(ContainerRecipe.APPTAINER).split("\n")) {
            if (line.startsWith("%")) {
                section = line.strip();
            } else if (section == null && line.contains(": ") && !line.startsWith("#")) {
                header.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(": ") + 2));
            } else if ("%post".equals(section) && !line.isBlank() && !line.strip().equals("set -eu")) {
                post.add(line.strip());
            }
        }
        return new RecipeFiles(containerfile, from, runs, header, post);
    }
}
