package org.asimov.capture.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asimov.capture.elf.LinkedProcess;
import org.asimov.core.system.CLibrary;

/**
 * The C library the interpreter actually loads, and its version, without running anything.
 * glibc: the {@code libc.so.6} the loader resolves for the interpreter carries the banner
 * {@code gnu_get_libc_version} is printed in ({@code GNU C Library (…) stable release version 2.36.});
 * the version is read from it. musl: its loader is its libc ({@code ld-musl-ARCH.so.1}); musl
 * keeps no findable version string, so the version stays unknown.
 */
public final class CLibraryProbe {
    private static final String GLIBC_BANNER = "GNU C Library";
    private static final Pattern GLIBC_VERSION = Pattern.compile("version (\\d+\\.\\d+(?:\\.\\d+)?)");

    private CLibraryProbe() {
    }

    public static CLibrary of(LinkedProcess process) {
        String interpreter = process.executable().interpreter();
        if (interpreter != null && interpreter.contains("ld-musl-")) {
            return new CLibrary("musl", null, interpreter);
        }
        Map<String, Path> loaded = process.executableLinking().all();
        Path libc = loaded.get("libc.so.6");
        if (libc == null) {
            return CLibrary.UNKNOWN;
        }
        return new CLibrary("glibc", glibcVersion(libc), libc.toString());
    }

    static String glibcVersion(Path libc) {
        String text;
        try {
            // ISO-8859-1 maps each byte to one char, so the 2 MB library becomes a compact string
            // whose indexOf is vectorised: far cheaper than a byte loop before the JIT warms up
            text = new String(Files.readAllBytes(libc), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
        int at = text.indexOf(GLIBC_BANNER);
        if (at < 0) {
            return null;
        }
        int end = text.indexOf('\0', at);
        Matcher matcher = GLIBC_VERSION.matcher(text.substring(at, end < 0 ? Math.min(text.length(), at + 256) : end));
        return matcher.find() ? matcher.group(1) : null;
    }
}
