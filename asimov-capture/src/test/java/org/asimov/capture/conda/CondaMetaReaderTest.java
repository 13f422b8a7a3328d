package org.asimov.capture.conda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conda-meta JSON read as Python's json.loads and conda's _load_single_record read it. */
class CondaMetaReaderTest {
    @TempDir
    Path tmp;

    private final CondaMetaReader reader = new CondaMetaReader();

    @Test
    void readsTheFieldsListingNeedsAndAcceptsWhatPythonsJsonAccepts() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp, "3.11").history();
        // NaN is valid for Python's json; a repeated key keeps its last value, as in a dict
        prefix.write("conda-meta/odd-1.0-0.json", """
                {"name": "odd", "version": "0.9", "version": "1.0", "build": "0", "build_number": 0,
                 "size": NaN, "files": ["a", "b"], "files": ["lib/python3.11/site-packages/odd-1.0.dist-info/RECORD"],
                 "depends": ["python >=3.11"], "paths_data": {"paths": [{"_path": "a", "sha256": null}],
                 "paths_version": 1}, "channel": "https://conda.anaconda.org/conda-forge/noarch",
                 "python_site_packages_path": null}
                """);

        CondaMetaReader.Result result = reader.read(prefix.root());

        assertThat(result.warnings()).isEmpty();
        assertThat(result.records().get("odd")).isEqualTo(new CondaMetaRecord("odd-1.0-0.json", "odd", "1.0", "0",
                "https://conda.anaconda.org/conda-forge/noarch", null, null,
                java.util.List.of("lib/python3.11/site-packages/odd-1.0.dist-info/RECORD"),
                java.util.List.of("python >=3.11"), null));
    }

    @Test
    void rejectsWhatPythonsJsonRejects() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp, "3.11").history();
        prefix.write("conda-meta/extra-1.0-0.json", "{\"name\": \"extra\", \"version\": \"1.0\", \"build\": \"0\"} {}");
        prefix.write("conda-meta/comment-1.0-0.json", "// x\n{\"name\": \"comment\", \"version\": \"1.0\", \"build\": \"0\"}");
        prefix.write("conda-meta/late-1.0-0.json",
                "{\"name\": \"late\", \"version\": \"1.0\", \"build\": \"0\", \"paths_data\": {\"paths\": [,]}}");
        prefix.write("conda-meta/list-1.0-0.json", "[1, 2]");

        CondaMetaReader.Result result = reader.read(prefix.root());

        assertThat(result.records()).isEmpty();
        assertThat(result.warnings()).hasSize(4);
    }

    @Test
    void schannelStandsInForChannelInOlderRecords() {
        TestingCondaPrefix prefix = new TestingCondaPrefix(tmp, "3.11").history();
        prefix.write("conda-meta/six-1.10.0-py36_0.json", """
                {"name": "six", "version": "1.10.0", "build": "py36_0", "build_number": 0, "schannel": "defaults",
                 "url": "https://repo.continuum.io/pkgs/free/linux-64/six-1.10.0-py36_0.tar.bz2"}
                """);

        assertThat(reader.read(prefix.root()).records().get("six").channel()).isEqualTo("defaults");
    }
}
