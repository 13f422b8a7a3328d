package org.asimov.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.project.IniFile;
import org.asimov.store.TestingPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars bin/asimov runs: asimov and every dependency merged into one by the shade plugin,
 * and the same without the store's libraries for {@code env capture}, each run in its own JVM
 * as the launcher runs it. Merging is what could break here and nowhere else: a service file
 * lost or overwritten (JDBC drivers, Hibernate's and Flyway's parts), a multi-release class
 * taken from the wrong version, a library the capture needs left out of the capture jar.
 */
class LauncherJarIT {
    private static final Path JAR = Path.of(System.getProperty("asimov.launcherJar", "../asimov-cli/target/asimov-all.jar"));
    private static final Path CAPTURE_JAR = Path.of(System.getProperty("asimov.captureJar", "../asimov-cli/target/asimov-capture.jar"));
    private static final String EVENT = "GW150914_095045";

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + "\n" + err;
        }
    }

    /** One jar on the class path, as meant: a Class-Path entry would put the 55 others back. */
    @Test
    void theJarStandsAlone() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Class-Path")).isNull();
            assertThat(manifest.getValue("Multi-Release")).isEqualTo("true");
            assertThat(manifest.getValue("Main-Class")).isEqualTo("org.asimov.cli.Main");
            assertThat(jar.getEntry("META-INF/services/java.sql.Driver")).isNotNull();
        }
    }

    /**
     * picocli compiled from its source for Java 17, not its Java 5 jar: the JVM verifies classes
     * older than Java 6 on every start, even from the class-data archive.
     */
    @Test
    void picocliIsTheModernBuildAndComesOnce() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            JarEntry commandLine = jar.getJarEntry("picocli/CommandLine.class");
            try (DataInputStream in = new DataInputStream(jar.getInputStream(commandLine))) {
                assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
                in.readUnsignedShort(); // minor version
                assertThat(in.readUnsignedShort()).as("class file major version").isGreaterThanOrEqualTo(61);
            }
        }
        try (var lib = Files.list(JAR.resolveSibling("lib"))) {
            assertThat(lib.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("picocli"));
        }
    }

    @Test
    void quickstartRunsItsWholeDemoOnTheEmbeddedStore(@TempDir Path work) throws Exception {
        Run run = run(work, "quickstart");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("ran with").contains("uploaded");
    }

    @Test
    void storesAndRecordsEnvironmentsOnPostgres(@TempDir Path project, @TempDir Path files) throws Exception {
        assertThat(run(project, "--project", project.toString(), "init", "Launcher jar").exitCode()).isZero();
        Path conf = project.resolve(".asimov/asimov.conf");
        Files.writeString(conf, IniFile.parse(Files.readString(conf), conf.toString())
                .set("storage", "database", TestingPostgres.newDatabase())
                .set("storage", "user", TestingPostgres.USER)
                .set("storage", "password", TestingPostgres.PASSWORD)
                .set("storage", "schema", "catalogue")
                .render());
        TestingEnvironmentFiles.write(files, "3.11.7", "numpy==1.26.4\n", null);
        for (String name : new String[] {EnvironmentFiles.METADATA, EnvironmentFiles.PIP}) {
            Run put = run(project, "--project", project.toString(), "store", "put", EVENT, "prod0", files.resolve(name).toString());
            assertThat(put.exitCode()).as(put.toString()).isZero();
        }
        Run recorded = run(project, "--project", project.toString(), "env", "record");
        assertThat(recorded.exitCode()).as(recorded.toString()).isZero();
        Run found = run(project, "--project", project.toString(), "env", "find", "numpy==1.26.4");
        assertThat(found.exitCode()).as(found.toString()).isZero();
        assertThat(found.out()).contains(EVENT).contains("prod0");
    }

    @Test
    void capturesAnEnvironmentWithItsSystemPart(@TempDir Path out) throws Exception {
        Run run = run(out, "env", "capture", "--python", "/usr/bin/python3", "--output", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve(EnvironmentFiles.SYSTEM)).isRegularFile();
        assertThat(run.err()).doesNotContain("SLF4J").doesNotContain("ServiceConfigurationError").doesNotContain("Exception");
    }

    /** The capture jar holds no store library: that is what makes it start faster. */
    @Test
    void theCaptureJarLeavesTheStoreOut() throws IOException {
        try (JarFile jar = new JarFile(CAPTURE_JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
            assertThat(jar.stream().map(JarEntry::getName))
                    .noneMatch(name -> name.startsWith("org/hibernate/") || name.startsWith("org/h2/")
                            || name.startsWith("org/postgresql/") || name.startsWith("org/asimov/store/"))
                    .anyMatch(name -> name.startsWith("org/asimov/capture/"));
        }
    }

    @Test
    void theCaptureJarCapturesWithTheSystemPartAndChecksAgainstPip(@TempDir Path out) throws Exception {
        Run run = run(List.of("-cp", CAPTURE_JAR.toAbsolutePath().toString()), out,
                "env", "capture", "--python", "/usr/bin/python3", "--output", out.toString(), "--check");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve(EnvironmentFiles.SYSTEM)).isRegularFile();
        assertThat(out.resolve(EnvironmentFiles.PIP)).isRegularFile();
        assertThat(run.err()).doesNotContain("SLF4J").doesNotContain("Exception");
    }

    /** conda's records are read with Jackson's tree model, which the capture jar must keep. */
    @Test
    void theCaptureJarCapturesACondaPrefix(@TempDir Path work) throws Exception {
        Path prefix = TestingPython.venv(work.resolve("miniforge/envs/analysis"));
        TestingCondaPrefix.history(prefix);
        TestingCondaPrefix.record(prefix, "python", "3.11.7", "hab00c5b_0_cpython",
                "https://conda.anaconda.org/conda-forge/linux-64", "linux-64");
        Path out = work.resolve("captured");
        Run run = run(List.of("-cp", CAPTURE_JAR.toAbsolutePath().toString()), work,
                "env", "capture", "--prefix", prefix.toString(), "--output", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"environment_type\" : \"conda\"");
        assertThat(out.resolve(EnvironmentFiles.CONDA)).content().contains("python=3.11.7=hab00c5b_0_cpython");
    }

    /**
     * An argument that spells a store command builds that command too ({@code --output store}):
     * from the capture jar, the run moves to the full jar instead of failing on a missing class.
     */
    @Test
    void theCaptureJarHandsArgumentsThatBuildTheStoreToTheFullJar(@TempDir Path work) throws Exception {
        Run run = run(List.of("-Dasimov.fullJar=" + JAR.toAbsolutePath(), "-cp", CAPTURE_JAR.toAbsolutePath().toString()),
                work, "env", "capture", "--python", "/usr/bin/python3", "--no-system", "--output", "store");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(work.resolve("store").resolve(EnvironmentFiles.PIP)).isRegularFile();

        assertThat(run(List.of("-cp", JAR.toAbsolutePath().toString()), work, "--project", "p", "init", "Fallback").exitCode()).isZero();
        Run list = run(List.of("-Dasimov.fullJar=" + JAR.toAbsolutePath(), "-cp", CAPTURE_JAR.toAbsolutePath().toString()),
                work, "--project", "p", "store", "list", "--json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("\"resources\" : [ ]");
    }

    @Test
    void aMissingFullJarIsReportedWithWhatToDo(@TempDir Path work) throws Exception {
        Path missing = work.resolve("asimov-all.jar");
        Run run = run(List.of("-Dasimov.fullJar=" + missing, "-cp", CAPTURE_JAR.toAbsolutePath().toString()),
                work, "env", "capture", "--python", "/usr/bin/python3", "--no-system", "--output", "store");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains(missing.toString()).contains("rebuild asimov");
        assertThat(work.resolve("store")).doesNotExist();
    }

    private static Run run(Path directory, String... args) throws IOException, InterruptedException {
        return run(List.of("-cp", JAR.toAbsolutePath().toString()), directory, args);
    }

    /** @param jvm the class path and any other options before the main class */
    private static Run run(List<String> jvm, Path directory, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the launcher's jar; mvn package builds it").isRegularFile();
        assertThat(CAPTURE_JAR).as("the capture jar; mvn package builds it").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.add("org.asimov.cli.Main");
        command.addAll(List.of(args));
        Path err = Files.createTempFile("launcher-jar", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes());
            return new Run(process.waitFor(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
