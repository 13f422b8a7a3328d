package org.asimov.capture.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TestLoadablePaths {
    @Test
    void sharedObjectsAndProgramsAreLoadable() {
        assertThat(LoadablePaths.isLoadable("numpy/core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so")).isTrue();
        assertThat(LoadablePaths.isLoadable("/usr/lib/x86_64-linux-gnu/libz.so.1.2.13")).isTrue();
        assertThat(LoadablePaths.isLoadable("../../../bin/f2py")).isTrue();
        assertThat(LoadablePaths.isLoadable("numpy/core/__init__.py")).isFalse();
        assertThat(LoadablePaths.isLoadable("docs/solver.sorted.txt")).isFalse();
        assertThat(LoadablePaths.isLoadable("pkg/libfoo.so_backup")).isFalse();
    }

    /** What a RECORD or a dpkg list holds: only lines with .so or /bin/ are handed over, whole and decoded. */
    @Test
    void candidateLinesAreFoundInTheBytesAndDecodedAsUtf8() {
        String list = String.join("\r\n",
                "numpy/__init__.py,sha256=abc,100",
                "numpy/core/_umath.cpython-311-x86_64-linux-gnu.so,sha256=def,200",
                "données/_é.abi3.so,sha256=ghi,300",
                "../../../bin/f2py,sha256=jkl,400",
                "numpy/README.txt,,")
                + "\nlast/line/without/newline.so";
        List<String> lines = new ArrayList<>();
        LoadablePaths.forEachCandidateLine(list.getBytes(StandardCharsets.UTF_8), lines::add);

        assertThat(lines).containsExactly(
                "numpy/core/_umath.cpython-311-x86_64-linux-gnu.so,sha256=def,200",
                "données/_é.abi3.so,sha256=ghi,300",
                "last/line/without/newline.so",
                "../../../bin/f2py,sha256=jkl,400");
    }

    @Test
    void aLineWithBothMarkersComesOncePerMarker() {
        List<String> lines = new ArrayList<>();
        LoadablePaths.forEachCandidateLine("/usr/bin/tool.so\n".getBytes(StandardCharsets.UTF_8), lines::add);
        assertThat(lines).containsExactly("/usr/bin/tool.so", "/usr/bin/tool.so");
    }
}
