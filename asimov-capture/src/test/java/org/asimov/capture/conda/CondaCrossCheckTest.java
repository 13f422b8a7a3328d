package org.asimov.capture.conda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lists the shared test prefixes with a real conda and with {@link CondaMetaExporter}, and
 * requires the same text apart from the {@code # created-by:} line. Runs when
 * {@code ASIMOV_CONDA} names a conda command; {@code src/test/conda/conda-from-source.sh} makes
 * one from conda's source tree where conda cannot be installed.
 *
 * <p>Where conda stops with an error (corrupt record, undecodable metadata, an egg-link to two
 * egg-infos), the test checks that it really does, and that we list the rest with a warning.
 * conda runs after our export, on the same prefix: it may delete conda-meta files.
 */
@EnabledIfEnvironmentVariable(named = "ASIMOV_CONDA", matches = ".+")
class CondaCrossCheckTest {
    @TempDir
    Path tmp;

    private final CondaMetaExporter exporter = CondaMetaExporterTest.exporter();

    static Stream<Arguments> listable() {
        return Stream.of(
                scenario("analysis", CondaPrefixScenarios::analysis),
                scenario("empty", CondaPrefixScenarios::empty),
                scenario("mismatchedRecordFile", CondaPrefixScenarios::mismatchedRecordFile),
                scenario("owners", CondaPrefixScenarios::owners),
                scenario("skippedDistributions", CondaPrefixScenarios::skippedDistributions),
                scenario("eggDirectory", CondaPrefixScenarios::eggDirectory),
                scenario("cep17", CondaPrefixScenarios::cep17),
                scenario("symlinkedSitePackages", CondaPrefixScenarios::symlinkedSitePackages),
                scenario("metadataEdges", CondaPrefixScenarios::metadataEdges),
                scenario("whitespaceAndBom", CondaPrefixScenarios::whitespaceAndBom),
                scenario("noPythonRecord", CondaPrefixScenarios::noPythonRecord),
                scenario("forcedInconsistent", CondaPrefixScenarios::forcedInconsistent));
    }

    static Stream<Arguments> stopping() {
        return Stream.of(
                scenario("truncatedRecord", CondaPrefixScenarios::truncatedRecord),
                scenario("binaryRecord", CondaPrefixScenarios::binaryRecord),
                scenario("eggLinkToTwoEggInfos", CondaPrefixScenarios::eggLinkToTwoEggInfos),
                scenario("latin1Metadata", CondaPrefixScenarios::latin1Metadata),
                scenario("nonSha256Record", CondaPrefixScenarios::nonSha256Record),
                scenario("recordWithoutBuildNumber", CondaPrefixScenarios::recordWithoutBuildNumber));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listable")
    void condaPrintsTheSameText(String name, Function<Path, TestingCondaPrefix> scenario) throws Exception {
        TestingCondaPrefix prefix = scenario.apply(tmp);
        String ours = exporter.export(prefix.root()).orElseThrow().text();

        Listing conda = condaListExport(prefix.root());

        assertThat(conda.exitCode()).as(conda.stderr()).isZero();
        assertThat(withoutCreatedBy(ours)).isEqualTo(withoutCreatedBy(conda.stdout()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stopping")
    void whereCondaStopsWeListTheRestAndWarn(String name, Function<Path, TestingCondaPrefix> scenario)
            throws Exception {
        TestingCondaPrefix prefix = scenario.apply(tmp);
        CondaExport ours = exporter.export(prefix.root()).orElseThrow();

        Listing conda = condaListExport(prefix.root());

        assertThat(conda.exitCode()).as(conda.stdout()).isNotZero();
        assertThat(ours.warnings()).isNotEmpty();
    }

    private static Arguments scenario(String name, Function<Path, TestingCondaPrefix> build) {
        return arguments(name, build);
    }

    private record Listing(int exitCode, String stdout, String stderr) {
    }

    private Listing condaListExport(Path prefix) throws IOException, InterruptedException {
        Path out = tmp.resolve("conda.out");
        Path err = tmp.resolve("conda.err");
        Process process = new ProcessBuilder(System.getenv("ASIMOV_CONDA"), "list", "--export", "-p", prefix.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("conda list did not finish in 180 s");
        }
        return new Listing(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String withoutCreatedBy(String text) {
        List<String> lines = text.lines().filter(line -> !line.startsWith("# created-by: ")).toList();
        return lines.stream().collect(Collectors.joining("\n")) + (text.endsWith("\n") ? "\n" : "");
    }
}
