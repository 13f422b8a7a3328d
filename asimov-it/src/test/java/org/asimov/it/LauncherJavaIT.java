package org.asimov.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.it.LauncherProcess.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Java bin/asimov runs on: JAVA_HOME's when it is set, else the java on PATH, and the
 * start-up caches follow it. Each test runs a copy of the launcher and the built jars in its own
 * directory, so that the caches it makes for another Java leave the build's own alone.
 */
class LauncherJavaIT {
    private static final Path HERE = Path.of("..").toAbsolutePath().normalize();
    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)[^\"]*\"");

    @Test
    void aJavaHomeWithoutJavaIsExplained(@TempDir Path work) throws Exception {
        Path tree = work.resolve("asimov");
        Files.createDirectories(tree.resolve("bin"));
        Files.copy(HERE.resolve("bin/asimov"), tree.resolve("bin/asimov"));
        Run run = run(tree, work, variables -> variables.put("JAVA_HOME", work.resolve("no-jdk").toString()),
                "--version");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(69);
        assertThat(run.err()).contains("JAVA_HOME is '" + work.resolve("no-jdk") + "', which has no bin/java");
    }

    /**
     * JAVA_HOME names a newer JDK: captures run on a trimmed runtime made from it, with a class
     * data archive it dumped (-Xshare:on makes the JVM fail without a usable one). The full jar's
     * archive merges several trainings' class lists, which Java 21 and later number: merged as
     * they were, the dump refused them and left no archive. Guava's futures no longer print
     * JDK 24's warning about sun.misc.Unsafe. Back on the default java, all is made again for it.
     */
    @Test
    void javaHomeChoosesTheJavaAndTheStartUpCachesFollowIt(@TempDir Path work) throws Exception {
        Optional<Path> newer = jdkAtLeast(21);
        Assumptions.assumeTrue(newer.isPresent(), "no JDK 21 or later under " + JVMS);
        Path jdk = newer.get();
        Path tree = launcherTree(work);
        Path target = tree.resolve("asimov-cli/target");
        Consumer<Map<String, String>> onJdk = variables -> variables.put("JAVA_HOME", jdk.toString());
        String madeByJdk = "cds " + jdk.resolve("bin/java") + "\n";

        Path out = work.resolve("out-jdk");
        Run capture = run(tree, work, onJdk.andThen(variables -> variables.put("ASIMOV_JAVA_OPTS",
                "-Xshare:on -XshowSettings:properties")),
                "env", "capture", "--python", "/usr/bin/python3", "--no-system", "--output", out.toString());
        assertThat(capture.exitCode()).as(capture.toString()).isZero();
        assertThat(out.resolve(EnvironmentFiles.PIP)).isRegularFile();
        assertThat(capture.err()).contains("java.home = " + target.resolve("asimov-capture-runtime"))
                .doesNotContain("WARNING");
        assertThat(majorVersion(target.resolve("asimov-capture-runtime/release"))).isEqualTo(majorVersion(jdk.resolve("release")));
        assertThat(Files.readString(target.resolve("asimov-capture-cds.made-by"))).isEqualTo(madeByJdk);

        Run version = run(tree, work, onJdk.andThen(variables -> variables.put("ASIMOV_JAVA_OPTS", "-Xshare:on")),
                "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).contains("Java " + majorVersion(jdk.resolve("release")).orElseThrow() + ".");
        assertThat(version.err()).doesNotContain("WARNING");
        assertThat(target.resolve("asimov-cds.jsa")).isRegularFile();
        assertThat(Files.readString(target.resolve("asimov-cds.made-by"))).isEqualTo(madeByJdk);

        Path again = work.resolve("out-default");
        Run onDefault = run(tree, work, variables -> variables.remove("JAVA_HOME"),
                "env", "capture", "--python", "/usr/bin/python3", "--no-system", "--output", again.toString());
        assertThat(onDefault.exitCode()).as(onDefault.toString()).isZero();
        assertThat(onDefault.err()).contains("preparing the start-up cache");
        assertThat(Files.readString(target.resolve("asimov-capture-cds.made-by"))).startsWith("cds ")
                .doesNotContain(jdk.toString());
        assertThat(Files.readString(again.resolve(EnvironmentFiles.PIP)))
                .isEqualTo(Files.readString(out.resolve(EnvironmentFiles.PIP)));
    }

    /**
     * bin/asimov with the built jars and the runtime's module list, as the launcher finds them;
     * the list older than the jars, or the launcher would take it for a changed source and build.
     */
    private static Path launcherTree(Path work) throws IOException {
        Path tree = work.resolve("asimov");
        Files.createDirectories(tree.resolve("bin"));
        Files.copy(HERE.resolve("bin/asimov"), tree.resolve("bin/asimov"));
        Path modules = tree.resolve("asimov-cli/src/main/jlink/capture-runtime-modules");
        Files.createDirectories(modules.getParent());
        Files.copy(HERE.resolve("asimov-cli/src/main/jlink/capture-runtime-modules"), modules);
        Files.setLastModifiedTime(modules, FileTime.fromMillis(0));
        Path target = Files.createDirectories(tree.resolve("asimov-cli/target"));
        for (String jar : new String[] {"asimov-all.jar", "asimov-capture.jar"}) {
            Path built = HERE.resolve("asimov-cli/target").resolve(jar);
            assertThat(built).as("mvn package builds it").isRegularFile();
            Files.copy(built, target.resolve(jar));
        }
        return tree;
    }

    private static Optional<Path> jdkAtLeast(int major) throws IOException {
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVMS)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/jlink")))
                    .filter(home -> majorVersion(home.resolve("release")).orElse(0) >= major)
                    .sorted().findFirst();
        }
    }

    private static Optional<Integer> majorVersion(Path release) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Run run(Path tree, Path directory, Consumer<Map<String, String>> environment, String... args)
            throws IOException, InterruptedException {
        return LauncherProcess.run(tree.resolve("bin/asimov"), directory, environment, args);
    }
}
