package org.asimov.core.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.asimov.core.environment.PackageRecord;
import org.junit.jupiter.api.Test;

class WheelhouseCheckTest {
    @Test
    void namesEveryPinNoFileProvides() {
        List<PackageRecord> pins = List.of(PackageRecord.pip("My.Pkg", "1.0.0", null, false),
                PackageRecord.pip("other", "2.1", null, false), PackageRecord.pip("sdist-only", "0.3", null, false),
                PackageRecord.pip("gone", "1.0", null, false), PackageRecord.pip("wrong-version", "1.0", null, false));
        List<String> files = List.of("my_pkg-1.0-py3-none-any.whl", "other-2.1-cp311-cp311-linux_x86_64.whl",
                "sdist-only-0.3.tar.gz", "wrong_version-1.1-py3-none-any.whl", "README.txt");
        assertThat(WheelhouseCheck.missing(pins, files)).extracting(PackageRecord::name).containsExactly("gone", "wrong-version");
    }
}
