package org.asimov.it;

import static org.asimov.it.LifecycleIT.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store commands through the real CLI on the default embedded store. */
class StoreCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    Path file;

    @BeforeEach
    void init() throws Exception {
        assertOk(CliRun.in(project, "init", "store commands"));
        file = project.resolve("posterior.dat");
        Files.writeString(file, "samples\n");
    }

    @Test
    void putListFetchAndStats() throws Exception {
        assertOk(CliRun.in(project, "store", "put", "E", "a", file.toString()));
        assertOk(CliRun.in(project, "store", "put", "E", "b", file.toString(), "--name", "copy.dat"));
        // the same content again under the same name is a no-op; different content is refused
        assertOk(CliRun.in(project, "store", "put", "E", "a", file.toString()));
        Path other = project.resolve("other.dat");
        Files.writeString(other, "different\n");
        CliRun.Result conflict = CliRun.in(project, "store", "put", "E", "a", other.toString(), "--name", "posterior.dat");
        assertThat(conflict.exitCode()).isEqualTo(5);
        assertThat(conflict.err()).contains("write-once");

        JsonNode listing = JSON.readTree(CliRun.in(project, "store", "list", "--json").out());
        assertThat(listing.findValuesAsText("name")).containsExactly("posterior.dat", "copy.dat");
        JsonNode stats = JSON.readTree(CliRun.in(project, "store", "stats", "--json").out());
        assertThat(stats.path("files").asLong()).isEqualTo(2);
        assertThat(stats.path("blobs").asLong()).isEqualTo(1);
        assertThat(stats.path("bytes_saved_by_sharing").asLong()).isEqualTo(Files.size(file));

        Path out = project.resolve("out.dat");
        String sha = listing.at("/resources/0/sha256").asText();
        assertOk(CliRun.in(project, "store", "fetch", "E", "a", "posterior.dat", "--output", out.toString(), "--hash", sha));
        assertThat(Files.readString(out)).isEqualTo("samples\n");
        CliRun.Result wrongHash = CliRun.in(project, "store", "fetch", "E", "a", "posterior.dat",
                "--output", project.resolve("out2.dat").toString(), "--hash", "0".repeat(64));
        assertThat(wrongHash.exitCode()).isEqualTo(9);
        assertThat(project.resolve("out2.dat")).doesNotExist();
        CliRun.Result missing = CliRun.in(project, "store", "fetch", "E", "a", "nothing.dat", "--output", project.resolve("x").toString());
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).contains("posterior.dat");
    }

    @Test
    void verifyFindsAFlippedByteAndFetchRefusesIt() throws Exception {
        assertOk(CliRun.in(project, "store", "put", "E", "a", file.toString()));
        assertOk(CliRun.in(project, "store", "verify"));
        Path blob;
        try (Stream<Path> blobs = Files.walk(project.resolve("results/objects"))) {
            blob = blobs.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        blob.toFile().setWritable(true);
        try (RandomAccessFile raf = new RandomAccessFile(blob.toFile(), "rw")) {
            raf.seek(0);
            raf.write('S');
        }
        CliRun.Result verify = CliRun.in(project, "store", "verify", "--json");
        assertThat(verify.exitCode()).isEqualTo(9);
        assertThat(JSON.readTree(verify.out()).path("corrupt_blobs")).hasSize(1);
        CliRun.Result fetch = CliRun.in(project, "production", "results", "E", "a", "--file", "posterior.dat",
                "--output", project.resolve("bad.dat").toString());
        assertThat(fetch.exitCode()).isEqualTo(9);
        assertThat(project.resolve("bad.dat")).doesNotExist();
    }

    @Test
    void gcRemovesWhatNoRowNeeds() throws Exception {
        assertOk(CliRun.in(project, "store", "put", "E", "a", file.toString()));
        Path orphan = project.resolve("results/objects/ab/ab" + "0".repeat(62));
        Files.createDirectories(orphan.getParent());
        Files.writeString(orphan, "orphan");
        CliRun.Result gc = CliRun.in(project, "store", "gc", "--grace-minutes", "0", "--json");
        assertOk(gc);
        assertThat(orphan).doesNotExist();
        assertOk(CliRun.in(project, "store", "verify"));
    }
}
