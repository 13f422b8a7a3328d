package org.asimov.capture.pip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** pip's _git_remote_to_pip_url. */
class TestEditableRequirement {
    @Test
    void remoteUrls() {
        assertThat(EditableRequirement.toPipUrl("https://github.com/a/b.git")).isEqualTo("https://github.com/a/b.git");
        assertThat(EditableRequirement.toPipUrl("git@github.com:a/b.git")).isEqualTo("ssh://git@github.com/a/b.git");
        assertThat(EditableRequirement.toPipUrl("github.com:a/b.git")).isEqualTo("ssh://github.com/a/b.git");
        assertThat(EditableRequirement.toPipUrl("/")).isEqualTo("file:///");
        assertThat(EditableRequirement.toPipUrl("/no/such/remote/anywhere")).isNull();
        assertThat(EditableRequirement.toPipUrl("relative-name")).isNull();
    }
}
