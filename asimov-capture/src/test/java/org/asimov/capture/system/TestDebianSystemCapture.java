package org.asimov.capture.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.capture.python.InterpreterProbe;
import org.asimov.core.environment.InterpreterInfo;
import org.asimov.core.system.LibraryOwner;
import org.asimov.core.system.LoadedObject;
import org.asimov.core.system.SharedLibrary;
import org.asimov.core.system.SystemJson;
import org.asimov.core.system.SystemPackagesText;
import org.asimov.core.system.SystemReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's own python3 on this merged-/usr Debian 12: its compiled modules, the libraries they
 * load, and the dpkg packages that own them, checked against dpkg's own tools.
 */
class TestDebianSystemCapture {
    static InterpreterInfo interpreter;
    static SystemReport report;

    @BeforeAll
    static void capture() {
        interpreter = new InterpreterProbe().probe(Path.of("/usr/bin/python3")).info();
        report = new HostSystemCapture().capture(interpreter, new SystemCaptureOptions(false, false, Map.of("PATH", "/usr/bin:/bin")));
    }

    static String dpkgQuery(String format, String pkg) {
        return run(List.of("dpkg-query", "-W", "-f", format, pkg)).strip();
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    LoadedObject extension(String prefix) {
        return report.libraries().extensions().stream()
                .filter(e -> Path.of(e.path()).getFileName().toString().startsWith(prefix))
                .findFirst().orElseThrow();
    }

    SharedLibrary library(String path) {
        return report.libraries().libraries().stream().filter(l -> l.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void systemFactsMatchTheMachine() {
        assertThat(report.system().os().prettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(report.system().os().id()).isEqualTo("debian");
        assertThat(report.system().os().versionId()).isEqualTo("12");
        assertThat(report.system().kernel()).isEqualTo(run(List.of("uname", "-r")).strip());
        assertThat(report.system().architecture()).isEqualTo(run(List.of("uname", "-m")).strip());
        assertThat(report.system().libc().name()).isEqualTo("glibc");
        // the oracle: what glibc itself answers through getconf (gnu_get_libc_version)
        assertThat("glibc " + report.system().libc().version()).isEqualTo(run(List.of("getconf", "GNU_LIBC_VERSION")).strip());
        assertThat(report.system().libc().path()).isEqualTo("/lib/x86_64-linux-gnu/libc.so.6");
        assertThat(report.system().cpu().logicalCpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(report.system().cpu().flags()).contains("sse2").doesNotContain("fpu", "vme");
        assertThat(report.system().memoryBytes()).isGreaterThan(1L << 28);
        assertThat(report.system().gpus()).isEmpty();
        assertThat(report.system().hostname()).isNull();
        assertThat(report.variables()).isNull();
    }

    @Test
    void extensionModulesAndTheirOwners() {
        LoadedObject aptPkg = extension("apt_pkg.");
        assertThat(aptPkg.owner()).isEqualTo(new LibraryOwner("dpkg", "python3-apt", dpkgQuery("${Version}", "python3-apt")));
        assertThat(aptPkg.needed()).containsEntry("libapt-pkg.so.6.0", "/lib/x86_64-linux-gnu/libapt-pkg.so.6.0");
        assertThat(aptPkg.missing()).isEmpty();
        assertThat(extension("_cffi_backend.").needed()).containsKey("libffi.so.8");
        assertThat(report.libraries().interpreter().owner().name()).isEqualTo("python3.11-minimal");
    }

    @Test
    void librariesOwnedAcrossMergedUsrSpellings() {
        // ld.so.cache says /lib/…; dpkg lists libstdc++ under /usr/lib/… and libz under /lib/…
        assertThat(run(List.of("dpkg-query", "-L", "libstdc++6"))).contains("/usr/lib/x86_64-linux-gnu/libstdc++.so.6\n")
                .doesNotContain("\n/lib/x86_64-linux-gnu/libstdc++.so.6\n");
        assertThat(library("/lib/x86_64-linux-gnu/libstdc++.so.6").owner())
                .isEqualTo(new LibraryOwner("dpkg", "libstdc++6", dpkgQuery("${Version}", "libstdc++6")));
        assertThat(library("/lib/x86_64-linux-gnu/libz.so.1").owner())
                .isEqualTo(new LibraryOwner("dpkg", "zlib1g", dpkgQuery("${Version}", "zlib1g")));
        assertThat(library("/lib/x86_64-linux-gnu/libapt-pkg.so.6.0").owner().name()).isEqualTo("libapt-pkg6.0");
        assertThat(report.libraries().libraries()).allSatisfy(library -> {
            assertThat(library.owner()).as("owner of %s", library.path()).isNotNull();
            // dpkg's own answer for the real file, which it lists under one of the spellings
            assertThat(library.owner().version()).isEqualTo(dpkgQuery("${Version}", library.owner().name()));
        });
    }

    @Test
    void systemTextNamesTheOsAndListsSortedPackages() {
        String text = SystemPackagesText.render(report);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("# Debian GNU/Linux 12 (bookworm)");
        List<String> packages = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(packages).isSorted().doesNotHaveDuplicates()
                .contains("dpkg:libc6=" + dpkgQuery("${Version}", "libc6"),
                        "dpkg:libapt-pkg6.0=" + dpkgQuery("${Version}", "libapt-pkg6.0"),
                        "dpkg:libffi8=" + dpkgQuery("${Version}", "libffi8"))
                .allMatch(l -> l.matches("dpkg:[a-z0-9][a-z0-9+.-]+=\\S+"));
    }

    @Test
    void jsonCarriesTheObjects() throws IOException {
        ObjectNode root = new ObjectMapper().createObjectNode();
        SystemJson.addTo(root, report);
        JsonNode json = new ObjectMapper().readTree(root.toString());
        assertThat(json.at("/system/os/pretty_name").asText()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(json.at("/system/libc/version").asText()).isEqualTo(report.system().libc().version());
        assertThat(json.at("/libraries/extensions").size()).isEqualTo(report.libraries().extensions().size());
        assertThat(json.at("/libraries/os_packages").toString()).contains("dpkg:libc6=");
        // this test machine is a Docker container; elsewhere the runtime is whatever it is, never absent
        assertThat(json.at("/container/runtime").asText())
                .isEqualTo(java.nio.file.Files.exists(Path.of("/.dockerenv")) ? "docker" : report.container().runtime());
        assertThat(json.has("variables")).isFalse();
        assertThat(json.at("/system").has("hostname")).isFalse();
        assertThat(json.at("/capture/timings_ms/system.total").isNumber()).isTrue();
    }
}
