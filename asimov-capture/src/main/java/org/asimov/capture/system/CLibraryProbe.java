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
    private static final byte[] GLIBC_BANNER = "GNU C Library".getBytes(StandardCharsets.US_ASCII);
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(libc);
        } catch (IOException e) {
            return null;
        }
        int at = indexOf(bytes, GLIBC_BANNER);
        if (at < 0) {
            return null;
        }
        int end = at;
        while (end < bytes.length && bytes[end] != 0 && end - at < 256) {
            end++;
        }
        Matcher matcher = GLIBC_VERSION.matcher(new String(bytes, at, end - at, StandardCharsets.US_ASCII));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
