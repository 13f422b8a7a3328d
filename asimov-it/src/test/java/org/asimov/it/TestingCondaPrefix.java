package org.asimov.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Conda prefixes made to conda's real layout: conda-meta/history and one JSON record per package. */
final class TestingCondaPrefix {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestingCondaPrefix() {
    }

    /** Marks {@code prefix} as a conda environment, as {@code conda create} does. */
    static void history(Path prefix) throws IOException {
        Files.writeString(Files.createDirectories(prefix.resolve("conda-meta")).resolve("history"),
                "==> 2024-05-02 10:14:07 <==\n# cmd: conda create -n analysis python tzdata\n");
    }

    /** A conda-meta record with the fields conda writes that the reader uses. */
    static void record(Path prefix, String name, String version, String build, String channel, String subdir)
            throws IOException {
        ObjectNode record = JSON.createObjectNode().put("name", name).put("version", version).put("build", build)
                .put("build_number", 0).put("channel", channel).put("subdir", subdir)
                .put("fn", name + "-" + version + "-" + build + ".conda").put("url", channel + "/" + name + "-"
                        + version + "-" + build + ".conda");
        record.putArray("depends");
        record.putArray("files");
        Files.writeString(prefix.resolve("conda-meta").resolve(name + "-" + version + "-" + build + ".json"),
                JSON.writeValueAsString(record));
    }
}
