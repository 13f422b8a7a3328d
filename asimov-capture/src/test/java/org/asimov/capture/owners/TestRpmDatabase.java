package org.asimov.capture.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.asimov.core.system.LibraryOwner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rpm's SQLite database as rpm 4.18 itself writes it (see {@link TestingRpmDatabase}), read
 * without rpm, and checked against what {@code rpm -q} answers from the same database.
 */
class TestRpmDatabase {
    static final List<TestingRpmDatabase.Spec> SPECS = List.of(
            new TestingRpmDatabase.Spec("asimovtest", "2", "1.2.3", "4.fc39", false, List.of(
                    "/usr/lib64/libasimovtest.so.1", "/usr/bin/asimovtool", "/usr/share/doc/asimovtest/README")),
            new TestingRpmDatabase.Spec("asimovplain", null, "0.9", "1.el9", false, List.of(
                    "/usr/lib64/asimov/libasimovplain.so", "/usr/lib64/asimov/plugins/libplugin.so.2.1")),
            new TestingRpmDatabase.Spec("asimovdata", null, "3.0", "2", true, List.of(
                    "/usr/share/asimovdata/data.txt", "/usr/bin/asimov-script")));

    @TempDir
    static Path work;
    static Path dbpath;

    @TempDir
    Path root;

    @BeforeAll
    static void rpmBuildsTheDatabase() throws IOException {
        dbpath = work.resolve("db");
        TestingRpmDatabase.create(work, dbpath, SPECS);
    }

    static List<RpmPackage> packages(Path dir) throws IOException {
        List<RpmPackage> packages = new ArrayList<>();
        assertThat(RpmDatabase.forEachPackage(dir.resolve("rpmdb.sqlite"), packages::add)).isEmpty();
        return packages;
    }

    static String rpmQuery(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rpm", "--dbpath", dbpath.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    RpmDatabase database(Path dir) {
        return new RpmDatabase(List.of(root.resolve("var/lib/rpm"), dir), new MergedUsr(root));
    }

    Path copyOfDatabase() throws IOException {
        Path copy = Files.createDirectories(root.resolve("copy-" + System.nanoTime()));
        try (Stream<Path> files = Files.list(dbpath)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void packagesAreWhatRpmSays() throws Exception {
        List<RpmPackage> packages = packages(dbpath);
        assertThat(packages).extracting(p -> p.name() + " " + p.evr() + " " + p.arch())
                .containsExactlyInAnyOrder("asimovtest 2:1.2.3-4.fc39 x86_64", "asimovplain 0.9-1.el9 x86_64",
                        "asimovdata 3.0-2 noarch")
                // the oracle: rpm's own query of the same database
                .containsExactlyInAnyOrderElementsOf(rpmQuery("-qa", "--qf", "%{NAME} %{EVR} %{ARCH}\\n").lines().toList());
        RpmPackage asimovtest = packages.stream().filter(p -> p.name().equals("asimovtest")).findFirst().orElseThrow();
        assertThat(asimovtest.epoch()).isEqualTo(2);
        assertThat(asimovtest.owner()).isEqualTo(new LibraryOwner("rpm", "asimovtest", "2:1.2.3-4.fc39"));
        for (RpmPackage pkg : packages) {
            // base names joined to the right directory names, as rpm -ql prints them
            assertThat(pkg.files()).as(pkg.name()).containsExactlyInAnyOrderElementsOf(
                    rpmQuery("-ql", pkg.name()).lines().toList());
        }
        assertThat(asimovtest.files()).contains("/usr/lib64/libasimovtest.so.1", "/usr/bin/asimovtool",
                "/usr/share/doc/asimovtest/README");
    }

    @Test
    void indexHoldsTheLoadablePathsAndOwnsThemUnderEverySpelling() throws IOException {
        // Fedora's merged /usr: /lib64 -> usr/lib64; the loader opens /lib64/…, rpm lists /usr/lib64/…
        Files.createDirectories(root.resolve("usr/lib64/asimov/plugins"));
        Files.createSymbolicLink(root.resolve("lib64"), Path.of("usr/lib64"));
        Files.writeString(root.resolve("usr/lib64/libasimovtest.so.1"), "x");
        Files.writeString(root.resolve("usr/lib64/asimov/plugins/libplugin.so.2.1"), "x");
        Files.createSymbolicLink(root.resolve("usr/lib64/asimov/plugins/libplugin.so.2"), Path.of("libplugin.so.2.1"));

        PackageIndex index = database(dbpath).index();
        assertThat(index.warnings()).isEmpty();
        assertThat(index.paths()).containsExactlyInAnyOrder("/usr/lib64/libasimovtest.so.1", "/usr/bin/asimovtool",
                "/usr/lib64/asimov/libasimovplain.so", "/usr/lib64/asimov/plugins/libplugin.so.2.1", "/usr/bin/asimov-script");

        Path viaLib64 = root.resolve("lib64/libasimovtest.so.1");
        Path viaLink = root.resolve("lib64/asimov/plugins/libplugin.so.2"); // a link rpm does not list, to a file it does
        Path script = root.resolve("usr/bin/asimov-script");
        Path unknown = root.resolve("usr/lib64/libunknown.so.1");
        Map<Path, LibraryOwner> owners = index.owners(Set.of(viaLib64, viaLink, script, unknown));
        assertThat(owners).containsOnly(
                Map.entry(viaLib64, new LibraryOwner("rpm", "asimovtest", "2:1.2.3-4.fc39")),
                Map.entry(viaLink, new LibraryOwner("rpm", "asimovplain", "0.9-1.el9")),
                Map.entry(script, new LibraryOwner("rpm", "asimovdata", "3.0-2")));
        assertThat(owners.values()).allMatch(LibraryOwner::isOsPackage);
    }

    @Test
    void malformedHeadersAreSkippedWithAWarning() throws Exception {
        Path copy = copyOfDatabase();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("rpmdb.sqlite"))) {
            byte[] real;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT blob FROM Packages ORDER BY hnum LIMIT 1")) {
                rows.next();
                real = rows.getBytes(1);
            }
            byte[] pastTheEnd = real.clone();
            // the first index entry's offset (bytes 16..19) pointed far outside the data
            pastTheEnd[16] = 0x7f;
            byte[] lastStringUnterminated = Arrays.copyOf(real, real.length);
            lastStringUnterminated[real.length - 1] = 'x';
            for (byte[] blob : List.of("not a header at all".getBytes(StandardCharsets.UTF_8), new byte[3],
                    Arrays.copyOf(real, real.length - 10), pastTheEnd)) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO Packages (blob) VALUES (?)")) {
                    insert.setBytes(1, blob);
                    insert.executeUpdate();
                }
            }
        }
        PackageIndex index = database(copy).index();
        assertThat(index.warnings()).singleElement().asString()
                .contains("4 package header(s)", copy.resolve("rpmdb.sqlite").toString(), "skipped", "without an owner");
        // the good headers are all still read
        assertThat(index.paths()).contains("/usr/lib64/libasimovtest.so.1", "/usr/bin/asimov-script").hasSize(5);
    }

    @Test
    void olderFormatsAreNamedNotRead() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        // Debian's rpm package leaves an empty /var/lib/rpm: no database, nothing to say
        assertThat(database(empty).index().warnings()).isEmpty();

        Path berkeley = Files.createDirectories(root.resolve("bdb"));
        Files.write(berkeley.resolve("Packages"), new byte[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x62, 0x31, 0x05, 0});
        PackageIndex index = database(berkeley).index();
        assertThat(index.size()).isZero();
        assertThat(index.warnings()).singleElement().asString()
                .contains("Berkeley DB", berkeley.resolve("Packages").toString(), "without an owner", "rpm -qf");

        Path ndb = Files.createDirectories(root.resolve("ndb"));
        Files.writeString(ndb.resolve("Packages.db"), "RpmP");
        assertThat(database(ndb).index().warnings()).singleElement().asString()
                .contains("ndb", ndb.resolve("Packages.db").toString(), "without an owner");

        Path notSqlite = Files.createDirectories(root.resolve("broken"));
        Files.writeString(notSqlite.resolve("rpmdb.sqlite"), "SQLite format 3\0 and then nothing");
        assertThat(database(notSqlite).index().warnings()).singleElement().asString()
                .contains("could not be read", "without an owner");
    }

    @Test
    void readingChangesNothingInTheDatabaseDirectory() throws Exception {
        Path copy = copyOfDatabase();
        Map<String, String> before = state(copy);
        assertThat(before).containsKey("rpmdb.sqlite");
        PackageIndex index = database(copy).index();
        assertThat(index.size()).isEqualTo(5);
        assertThat(state(copy)).isEqualTo(before);
    }

    @Test
    void commitsStillInTheWriteAheadLogAreReadWithoutWritingItsIndex() throws Exception {
        Path copy = copyOfDatabase();
        // another process (as rpm would be, mid-install) holds the database open with a commit not yet checkpointed
        Process writer = new ProcessBuilder("python3", "-c", """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1], isolation_level=None)
                print(db.execute("PRAGMA journal_mode").fetchone()[0], flush=True)
                db.execute("INSERT INTO Packages (blob) VALUES (x'00000000')")
                print("committed", flush=True)
                sys.stdin.read()
                """, copy.resolve("rpmdb.sqlite").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("wal");
            assertThat(out.readLine()).isEqualTo("committed");
            assertThat(Files.size(copy.resolve("rpmdb.sqlite-wal"))).isPositive();
            Map<String, String> before = state(copy);
            PackageIndex index = database(copy).index();
            assertThat(index.size()).isEqualTo(5);
            assertThat(index.warnings()).singleElement().asString().contains("1 package header(s)");
            assertThat(state(copy)).isEqualTo(before);
        } finally {
            writer.getOutputStream().close();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Every file of a directory: size, modification time and content hash. */
    static Map<String, String> state(Path dir) throws IOException, NoSuchAlgorithmException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                state.put(file.getFileName().toString(), Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis()
                        + " " + HexFormat.of().formatHex(hash));
            }
        }
        return state;
    }
}
