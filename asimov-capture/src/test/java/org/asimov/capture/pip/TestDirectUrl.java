package org.asimov.capture.pip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** direct_url.json validation and rendering as pip's models/direct_url.py and direct_url_helpers.py do them. */
class TestDirectUrl {
    @Test
    void vcs() throws Exception {
        DirectUrl url = DirectUrl.parse("{\"url\": \"https://github.com/x/y.git\", \"vcs_info\": {\"vcs\": \"git\", "
                + "\"commit_id\": \"abc\", \"requested_revision\": \"main\"}, \"subdirectory\": \"sub\"}");
        assertThat(url.asDirectReference("Y")).isEqualTo("Y @ git+https://github.com/x/y.git@abc#subdirectory=sub");
    }

    @Test
    void archiveWithAndWithoutLegacyHash() throws Exception {
        assertThat(DirectUrl.parse("{\"url\": \"https://h/x.whl\", \"archive_info\": {\"hash\": \"sha256=1\"}}").asDirectReference("x"))
                .isEqualTo("x @ https://h/x.whl#sha256=1");
        // only the legacy "hash" key is printed, never "hashes"
        assertThat(DirectUrl.parse("{\"url\": \"https://h/x.whl\", \"archive_info\": {\"hashes\": {\"sha256\": \"1\"}}}").asDirectReference("x"))
                .isEqualTo("x @ https://h/x.whl");
    }

    @Test
    void directory() throws Exception {
        DirectUrl editable = DirectUrl.parse("{\"url\": \"file:///src/p\", \"dir_info\": {\"editable\": true}}");
        assertThat(editable.isLocalEditable()).isTrue();
        assertThat(DirectUrl.parse("{\"url\": \"file:///src/p\", \"dir_info\": {}}").asDirectReference("p")).isEqualTo("p @ file:///src/p");
    }

    @Test
    void invalidFilesAreRejectedAsPipRejectsThem() {
        for (String json : new String[] {"{\"url\": 3, \"dir_info\": {}}", "{\"dir_info\": {}}", "{\"url\": \"u\"}",
                "{\"url\": \"u\", \"dir_info\": {}, \"archive_info\": {}}", "{\"url\": \"u\", \"archive_info\": {\"hash\": \"nohash\"}}",
                "{\"url\": \"u\", \"dir_info\": {\"editable\": \"yes\"}}", "{\"url\": \"u\", \"vcs_info\": {\"vcs\": \"git\"}}",
                "{\"url\": \"u\", \"subdirectory\": null, \"dir_info\": {}}", "not json", "[]"}) {
            assertThatThrownBy(() -> DirectUrl.parse(json)).as(json).isInstanceOf(DirectUrl.InvalidDirectUrlException.class);
        }
    }

    @Test
    void fileUrlsAsPipReadsThem() {
        assertThat(FileUrls.toPath("file:///a%20b/c")).isEqualTo("/a b/c");
        assertThat(FileUrls.toPath("file://localhost/a")).isEqualTo("/a");
        assertThat(FileUrls.toPath("file://host/a")).isNull();
        assertThat(FileUrls.asUri("/a b/ü@x")).isEqualTo("file:///a%20b/%C3%BC%40x");
    }
}
