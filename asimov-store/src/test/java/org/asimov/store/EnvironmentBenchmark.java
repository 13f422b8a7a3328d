package org.asimov.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.asimov.core.environment.CapturePhase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Environments at scale: fills a store with {@value #ANALYSES} analyses over
 * {@value #ENVIRONMENTS} distinct environments of {@value #PACKAGES} packages each (rows
 * written straight over JDBC: batches on H2, COPY on PostgreSQL), then times what
 * {@code env list}, {@code env find}, {@code env show} and every query in {@code db/queries}
 * do, warm, as the median of {@value #RUNS} runs. Skipped in normal test runs; run it with
 *
 * <pre>mvn -B -q -pl asimov-store -am test -Dtest=EnvironmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dasimov.benchmark=true</pre>
 *
 * Results are logged and written to {@code asimov-store/target/environment-benchmark.txt}.
 */
class EnvironmentBenchmark {
    private static final Logger log = LoggerFactory.getLogger(EnvironmentBenchmark.class);

    static final int ANALYSES = 100_000;
    static final int ENVIRONMENTS = 2_000;
    static final int PACKAGES = 300;
    static final int RUNS = 11;
    private static final int WARM_UP = 3;
    /** Analyses per event; the first event is the one the example queries name. */
    private static final int PER_EVENT = 100;
    /** Every environment has these, at versions that vary between environments. */
    private static final String[] COMMON = {"numpy", "scipy", "astropy", "gwpy", "bilby", "h5py", "matplotlib", "pandas"};
    /** lalsuite is in one environment in four, at one of 16 versions: 7.11 is in about 31 environments. */
    private static final int LALSUITE_EVERY = 4;
    private static final int LALSUITE_VERSIONS = 16;
    /** The rest of each environment comes from a pool of names, so environments overlap without being equal. */
    private static final int POOL = 3_000;

    @TempDir
    static Path dir;

    private static final List<String> results = new ArrayList<>();

    @BeforeAll
    static void enabled() {
        Assumptions.assumeTrue(Boolean.getBoolean("asimov.benchmark"), "set -Dasimov.benchmark=true to run the benchmark");
    }

    @Test
    void h2() throws Exception {
        run("H2", StoreSettings.h2(dir.resolve("h2-store")));
    }

    @Test
    void postgres() throws Exception {
        run("PostgreSQL", new StoreSettings(dir.resolve("pg-store"), TestingPostgres.newDatabase(), TestingPostgres.USER,
                TestingPostgres.PASSWORD, null));
    }

    private static void run(String database, StoreSettings settings) throws Exception {
        try (Store store = Store.open(settings)) {
            long started = System.nanoTime();
            try (Connection connection = connect(settings)) {
                fill(connection, settings);
            }
            record(database, "fill " + ANALYSES + " analyses, " + ENVIRONMENTS + " environments, "
                    + (ENVIRONMENTS * PACKAGES) + " package rows", (System.nanoTime() - started) / 1e9, "s");

            time(database, "env list", () -> store.environments().list());
            time(database, "env find lalsuite==7.11", () -> store.environments().find("lalsuite", "7.11"));
            time(database, "env find LALSuite (all versions)", () -> store.environments().find("LALSuite", null));
            time(database, "env show GW150914_095045 prod0", () -> store.environments().show("GW150914_095045", "prod0",
                    CapturePhase.BUILD));
            for (Map.Entry<String, String> query : ExampleQueries.all().entrySet()) {
                time(database, "query " + query.getKey(), () -> store.sql().run(query.getValue()));
            }
        }
        Files.write(Path.of("target", "environment-benchmark.txt"), results);
    }

    private static void time(String database, String what, Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] millis = new double[RUNS];
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            Object answer = work.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
            size = answer instanceof List<?> list ? list.size()
                    : answer instanceof org.asimov.store.query.QueryResult result ? result.rows().size() : 1;
        }
        Arrays.sort(millis);
        record(database, what + " (" + size + " rows)", millis[RUNS / 2], "ms median");
    }

    private static void record(String database, String what, double value, String unit) {
        String line = String.format(Locale.ROOT, "%-10s %-70s %10.1f %s", database, what, value, unit);
        log.info(line);
        synchronized (results) {
            results.add(line);
        }
    }

    private static Connection connect(StoreSettings settings) throws SQLException {
        Connection connection = settings.embedded()
                ? DriverManager.getConnection(settings.effectiveJdbcUrl(), "sa", "")
                : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        connection.setSchema(settings.schema());
        connection.setAutoCommit(false);
        return connection;
    }

    // ---- the data: deterministic, so every run measures the same store ----

    static String fingerprint(int environment) {
        return String.format(Locale.ROOT, "%064x", 0x5eedL * 1_000_003L + environment);
    }

    static String pythonVersion(int environment) {
        return "3." + (9 + environment % 4) + "." + (environment / 4 % 10);
    }

    /** {manager, name, version, build} of the packages of one environment. */
    static List<String[]> packages(int environment) {
        List<String[]> packages = new ArrayList<>(PACKAGES);
        boolean conda = environment % 5 == 0;
        String manager = conda ? "conda" : "pip";
        for (int i = 0; i < COMMON.length; i++) {
            packages.add(new String[] {manager, COMMON[i], "1." + ((environment + i) % 12) + ".0", conda ? "py_0" : null});
        }
        if (environment % LALSUITE_EVERY == 0) {
            packages.add(new String[] {manager, "lalsuite", "7." + (environment / LALSUITE_EVERY % LALSUITE_VERSIONS),
                    conda ? "py_0" : null});
        }
        // distinct pool entries: a stride coprime with the pool size never repeats within an environment
        for (int i = 0; packages.size() < PACKAGES; i++) {
            int pick = (environment * 37 + i * 7) % POOL;
            packages.add(new String[] {manager, String.format(Locale.ROOT, "pkg-%04d", pick),
                    "0." + ((environment / 10 + pick) % 20), conda ? "h" + (pick % 7) + "_0" : null});
        }
        return packages;
    }

    static String event(int analysis) {
        return analysis < PER_EVENT ? "GW150914_095045" : String.format(Locale.ROOT, "S%06d", analysis / PER_EVENT);
    }

    static String analysisName(int analysis) {
        return "prod" + (analysis % PER_EVENT);
    }

    /** Analyses spread evenly over the environments: 50 each. */
    static int environmentOf(int analysis) {
        return (int) ((analysis * 7_919L) % ENVIRONMENTS);
    }

    private static void fill(Connection connection, StoreSettings settings) throws SQLException, IOException {
        Timestamp seen = Timestamp.from(Instant.parse("2024-03-01T10:15:30Z"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO environments (id, fingerprint,"
                + " environment_type, python_version, python_sys_version, implementation, platform, first_seen, analyses)"
                + " VALUES (?, ?, ?, ?, ?, 'cpython', 'linux-x86_64', ?, ?)")) {
            long[] analyses = new long[ENVIRONMENTS];
            for (int a = 0; a < ANALYSES; a++) {
                analyses[environmentOf(a)]++;
            }
            for (int e = 0; e < ENVIRONMENTS; e++) {
                insert.setLong(1, e + 1);
                insert.setString(2, fingerprint(e));
                insert.setString(3, e % 5 == 0 ? "conda" : "virtualenv");
                insert.setString(4, pythonVersion(e));
                insert.setString(5, pythonVersion(e) + " (main) [GCC 12.2.0]");
                insert.setTimestamp(6, seen);
                insert.setLong(7, analyses[e]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (settings.embedded()) {
            fillH2(connection, seen);
        } else {
            fillPostgres(connection, seen);
        }
        try (Statement statement = connection.createStatement()) {
            // rows written with explicit ids: let the next recorded environment take the next one
            statement.execute("ALTER TABLE environments ALTER COLUMN id RESTART WITH " + (ENVIRONMENTS + 1));
            statement.execute("ALTER TABLE analysis_environments ALTER COLUMN id RESTART WITH " + (ANALYSES + 1));
        }
        connection.commit();
        try (Statement statement = connection.createStatement()) {
            // what autovacuum (PostgreSQL) or the automatic analysis (H2) would do after a bulk load
            statement.execute("ANALYZE");
        }
        connection.commit();
    }

    private static void fillH2(Connection connection, Timestamp seen) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO environment_packages (environment_id,"
                + " manager, name, raw_name, version, build, channel, source_url, editable) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, FALSE)")) {
            for (int e = 0; e < ENVIRONMENTS; e++) {
                for (String[] p : packages(e)) {
                    insert.setLong(1, e + 1);
                    insert.setString(2, p[0]);
                    insert.setString(3, p[1]);
                    insert.setString(4, p[1]);
                    insert.setString(5, p[2]);
                    insert.setString(6, p[3]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO analysis_environments (id, event, analysis,"
                + " phase, environment_id, captured_at) VALUES (?, ?, ?, 'build', ?, ?)")) {
            for (int a = 0; a < ANALYSES; a++) {
                insert.setLong(1, a + 1);
                insert.setString(2, event(a));
                insert.setString(3, analysisName(a));
                insert.setLong(4, environmentOf(a) + 1);
                insert.setTimestamp(5, seen);
                insert.addBatch();
                if (a % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void fillPostgres(Connection connection, Timestamp seen) throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder rows = new StringBuilder();
        for (int e = 0; e < ENVIRONMENTS; e++) {
            for (String[] p : packages(e)) {
                rows.append(e + 1).append('\t').append(p[0]).append('\t').append(p[1]).append('\t').append(p[1]).append('\t')
                        .append(p[2]).append('\t').append(p[3] == null ? "\\N" : p[3]).append("\tf\n");
            }
        }
        copy.copyIn("COPY environment_packages (environment_id, manager, name, raw_name, version, build, editable)"
                + " FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
        String capturedAt = seen.toInstant().toString();
        for (int a = 0; a < ANALYSES; a++) {
            rows.append(a + 1).append('\t').append(event(a)).append('\t').append(analysisName(a)).append("\tbuild\t")
                    .append(environmentOf(a) + 1).append('\t').append(capturedAt).append('\n');
        }
        copy.copyIn("COPY analysis_environments (id, event, analysis, phase, environment_id, captured_at) FROM STDIN",
                new StringReader(rows.toString()));
    }
}
