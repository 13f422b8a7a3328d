package org.asimov.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.asimov.core.environment.CapturePhase;
import org.asimov.core.environment.EnvironmentFiles;
import org.asimov.core.environment.EnvironmentFilesReader;
import org.asimov.core.environment.PackageRecord;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.environment.AnalysisEnvironment;
import org.asimov.store.environment.EnvironmentSummary;
import org.asimov.store.environment.PackageUse;
import org.asimov.store.environment.Recorded;
import org.junit.jupiter.api.Test;

/**
 * Environments as rows, on every database behind the store; {@link H2EnvironmentStoreTest} and
 * {@link PostgresEnvironmentStoreTest} run it on a real H2 file and a real PostgreSQL.
 */
abstract class AbstractEnvironmentStoreTest extends EnvironmentStoreFixture {
    @Test
    void analysesSharingAnEnvironmentShareOneRowAndItsPackages() throws SQLException {
        EnvironmentFiles.Written shared = TestingEnvironments.virtualenv(dir.resolve("a"), TestingEnvironments.PYTHON_311,
                TestingEnvironments.freeze(300, 1, "LALSuite==7.11"));

        assertThat(record("prod0", shared)).isEqualTo(Recorded.NEW_ENVIRONMENT);
        for (int i = 1; i < 5; i++) {
            assertThat(record("prod" + i, shared)).isEqualTo(Recorded.SHARED_ENVIRONMENT);
        }

        assertThat(count("environments")).isEqualTo(1);
        assertThat(count("environment_packages")).isEqualTo(301);
        assertThat(count("analysis_environments")).isEqualTo(5);
        assertThat(store.environments().list()).singleElement().satisfies(summary -> {
            assertThat(summary.analyses()).isEqualTo(5);
            assertThat(summary.environmentType()).isEqualTo("virtualenv");
            assertThat(summary.pythonVersion()).isEqualTo("3.11.7");
            assertThat(summary.implementation()).isEqualTo("cpython");
        });
    }

    @Test
    void recordingAgainIsANoOpAndAnotherEnvironmentIsAConflict() throws SQLException {
        EnvironmentFiles.Written first = TestingEnvironments.virtualenv(dir.resolve("a"), TestingEnvironments.PYTHON_311,
                TestingEnvironments.freeze(3, 1));
        EnvironmentFiles.Written other = TestingEnvironments.virtualenv(dir.resolve("b"), TestingEnvironments.PYTHON_311,
                TestingEnvironments.freeze(3, 2));
        record("prod0", first);

        assertThat(record("prod0", first)).isEqualTo(Recorded.ALREADY_RECORDED);
        assertThatThrownBy(() -> store.recordEnvironment(EVENT, "prod0", CapturePhase.BUILD,
                other.metadata(), other.pip(), null, null))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                .hasMessageContaining("build environment of " + EVENT + "/prod0 is already recorded");
        // the run phase is its own record
        store.recordEnvironment(EVENT, "prod0", CapturePhase.RUN, other.metadata(), other.pip(), null, null);
        assertThat(count("environments")).isEqualTo(2);
        assertThat(count("analysis_environments")).isEqualTo(2);
        assertThat(store.environments().show(EVENT, "prod0", null).phase()).isEqualTo(CapturePhase.BUILD);
        assertThat(store.environments().show(EVENT, "prod0", CapturePhase.RUN).environment().packages())
                .extracting(PackageRecord::version).containsOnly("1.2");
    }

    @Test
    void anAnalysisCapturedAtBuildAndRunInOneEnvironmentCountsOnce() {
        EnvironmentFiles.Written files = TestingEnvironments.virtualenv(dir.resolve("a"), TestingEnvironments.PYTHON_311,
                TestingEnvironments.freeze(3, 1));
        record("prod0", files);
        store.recordEnvironment(EVENT, "prod0", CapturePhase.RUN, files.metadata(), files.pip(), null, null);
        record("prod1", files);

        assertThat(store.environments().list()).extracting(EnvironmentSummary::analyses).containsExactly(2L);
        assertThat(store.sql().run("SELECT analyses FROM asimov_environments").rows()).containsExactly(List.of(2L));
        assertThat(store.environments().show(EVENT, "prod1", null).sharedWith()).isEqualTo(1);
    }

    @Test
    void showGivesBackWhatWasCapturedWithPipAndConda() {
        EnvironmentFiles.Written files = TestingEnvironments.conda(dir.resolve("a"), TestingEnvironments.PYTHON_311,
                "# Editable install with no version control (my_tool==0.1)\n-e /src/my_tool\nnumpy==1.26.4\n",
                "# platform: linux-64\nmy-tool=0.1=pypi_0\nnumpy=1.26.4=py311h64a7726_0\npython=3.11.7=hab00c5b_1_cpython\n");
        record("prod0", files);
        record("prod1", files);

        AnalysisEnvironment shown = store.environments().show(EVENT, "prod0", null);

        assertThat(shown.sharedWith()).isEqualTo(1);
        assertThat(shown.environment()).usingRecursiveComparison().ignoringFields("packages")
                .isEqualTo(EnvironmentFilesReader.read(files.metadata(), files.pip(), files.conda()));
        assertThat(shown.environment().packages()).containsExactly(
                PackageRecord.pip("my_tool", "0.1", "/src/my_tool", true),
                PackageRecord.pip("numpy", "1.26.4", null, false),
                PackageRecord.conda("my-tool", "0.1", "pypi_0", "pypi"),
                PackageRecord.conda("numpy", "1.26.4", "py311h64a7726_0", null),
                PackageRecord.conda("python", "3.11.7", "hab00c5b_1_cpython", null));
    }

    @Test
    void osPackagesFromTheSystemFileAreRowsOfTheirManager() throws java.io.IOException {
        EnvironmentFiles.Written files = TestingEnvironments.virtualenv(dir.resolve("a"), TestingEnvironments.PYTHON_311,
                "numpy==1.26.4\n");
        java.nio.file.Path system = java.nio.file.Files.writeString(dir.resolve("a").resolve(EnvironmentFiles.SYSTEM),
                "# Debian GNU/Linux 12 (bookworm)\ndpkg:libgfortran5=12.2.0-14\n");
        store.put(EVENT, "prod0", EnvironmentFiles.METADATA, files.metadata());
        store.put(EVENT, "prod0", EnvironmentFiles.PIP, files.pip());
        store.put(EVENT, "prod0", EnvironmentFiles.SYSTEM, system);

        store.recordStoredEnvironment(EVENT, "prod0", CapturePhase.BUILD);

        assertThat(store.environments().show(EVENT, "prod0", null).environment().packages()).containsExactly(
                PackageRecord.pip("numpy", "1.26.4", null, false),
                new PackageRecord("dpkg", "libgfortran5", "12.2.0-14", null, null, null, false));
        assertThat(store.environments().find("libgfortran5", "12.2.0-14")).extracting(PackageUse::manager)
                .containsExactly("dpkg");
    }

    @Test
    void findMatchesNamesCanonicallyAndVersionsExactly() {
        record("prod0", TestingEnvironments.virtualenv(dir.resolve("a"), TestingEnvironments.PYTHON_311,
                TestingEnvironments.freeze(2, 1, "LALSuite==7.11")));
        record("prod1", TestingEnvironments.virtualenv(dir.resolve("b"), TestingEnvironments.PYTHON_311,
                TestingEnvironments.freeze(2, 1, "lalsuite==7.10")));

        assertThat(store.environments().find("lal_suite", null)).isEmpty();
        assertThat(store.environments().find("LALSUITE", null)).extracting(PackageUse::analysis)
                .containsExactly("prod0", "prod1");
        assertThat(store.environments().find("lalsuite", "7.11")).singleElement().satisfies(use -> {
            assertThat(use.analysis()).isEqualTo("prod0");
            assertThat(use.rawName()).isEqualTo("LALSuite");
            assertThat(use.phase()).isEqualTo("build");
        });
        assertThat(store.environments().find("Pkg_0001", "1.1")).hasSize(2);
    }

    @Test
    void showSaysWhetherTheAnalysisIsUnknownOrHasNoEnvironment() {
        assertThatThrownBy(() -> store.environments().show(EVENT, "nope", null))
                .isInstanceOfSatisfying(AsimovException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining("nothing is stored for " + EVENT + "/nope");
        store.put(EVENT, "prod0", "posterior.dat", TestingFiles.write(dir.resolve("posterior.dat"), "42\n"));
        assertThatThrownBy(() -> store.environments().show(EVENT, "prod0", null))
                .hasMessageContaining("no environment is recorded for " + EVENT + "/prod0");
    }

    @Test
    void twoStoresRecordingTheSameNewEnvironmentAtOnceMakeOneRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Store second = Store.open(settings)) {
            for (int round = 0; round < 5; round++) {
                EnvironmentFiles.Written files = TestingEnvironments.virtualenv(dir.resolve("r" + round),
                        TestingEnvironments.PYTHON_311, TestingEnvironments.freeze(300, round));
                var environment = EnvironmentFilesReader.read(files.metadata(), files.pip(), null);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Recorded>> results = new ArrayList<>();
                int r = round;
                for (Store each : List.of(store, second)) {
                    String analysis = (each == store ? "first" : "second") + r;
                    results.add(pool.submit(() -> {
                        start.await();
                        return each.recordEnvironment(EVENT, analysis, CapturePhase.BUILD, environment);
                    }));
                }
                List<Recorded> outcomes = new ArrayList<>();
                for (Future<Recorded> result : results) {
                    outcomes.add(result.get());
                }
                assertThat(outcomes).containsExactlyInAnyOrder(Recorded.NEW_ENVIRONMENT, Recorded.SHARED_ENVIRONMENT);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("environments")).isEqualTo(5);
        assertThat(count("environment_packages")).isEqualTo(5 * 300);
        assertThat(store.environments().list()).extracting(EnvironmentSummary::analyses).containsOnly(2L);
    }
}
