package org.asimov.capture.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * glibc's {@code /etc/ld.so.cache}, which the loader consults after the RPATH, LD_LIBRARY_PATH
 * and RUNPATH directories and before its default directories. The loader reads only this file,
 * never {@code /etc/ld.so.conf}: ldconfig turns the configuration into the cache. So we read
 * the cache too, and a configuration newer than the cache changes nothing, as for the loader.
 *
 * <p>Formats (glibc {@code sysdeps/generic/dl-cache.h}): the new one, magic
 * {@code glibc-ld.so.cache} + version {@code 1.1}, the only one glibc 2.32 and later write;
 * and the old {@code ld.so-1.7.0}, alone or followed by a new-format part. Entries in
 * {@code glibc-hwcaps} subdirectories (chosen by CPU level at run time) are left out; the
 * loader falls back to the plain entry, which is what we record.
 */
public final class LoaderCache {
    static final String OLD_MAGIC = "ld.so-1.7.0";
    static final String NEW_MAGIC = "glibc-ld.so.cache1.1";
    private static final int NEW_HEADER = 48;
    private static final int NEW_ENTRY = 24;
    private static final int OLD_ENTRY = 12;
    /** {@code DL_CACHE_HWCAP_EXTENSION}: the hwcap field names a glibc-hwcaps subdirectory. */
    private static final long HWCAP_EXTENSION = 1L << 62;

    public static final LoaderCache EMPTY = new LoaderCache(Map.of());

    private final Map<String, List<String>> paths;

    private LoaderCache(Map<String, List<String>> paths) {
        this.paths = paths;
    }

    /** The cache at {@code file}; {@link #EMPTY} when it does not exist (as on musl systems). */
    public static LoaderCache read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return EMPTY;
        }
        return parse(bytes);
    }

    static LoaderCache parse(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        if (startsWith(bytes, 0, NEW_MAGIC)) {
            return new LoaderCache(newFormat(buffer, 0));
        }
        if (!startsWith(bytes, 0, OLD_MAGIC)) {
            throw new IOException("not a loader cache: unknown magic");
        }
        int oldCount = buffer.getInt(12);
        int oldEntries = 16;
        int afterOld = oldEntries + oldCount * OLD_ENTRY;
        // the new-format part follows, aligned like struct cache_file_new (8 bytes)
        int newStart = (afterOld + 7) & ~7;
        if (newStart + NEW_HEADER <= bytes.length && startsWith(bytes, newStart, NEW_MAGIC)) {
            return new LoaderCache(newFormat(buffer, newStart));
        }
        // old format alone: string offsets count from the end of the entry table
        Map<String, List<String>> paths = new HashMap<>();
        for (int i = 0; i < oldCount; i++) {
            int at = oldEntries + i * OLD_ENTRY;
            add(paths, string(bytes, afterOld + buffer.getInt(at + 4)), string(bytes, afterOld + buffer.getInt(at + 8)));
        }
        return new LoaderCache(paths);
    }

    /** New-format string offsets count from the start of the new-format header. */
    private static Map<String, List<String>> newFormat(ByteBuffer buffer, int start) throws IOException {
        byte[] bytes = buffer.array();
        int count = buffer.getInt(start + 20);
        if (count < 0 || start + NEW_HEADER + (long) count * NEW_ENTRY > bytes.length) {
            throw new IOException("loader cache is truncated");
        }
        Map<String, List<String>> paths = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            int at = start + NEW_HEADER + i * NEW_ENTRY;
            long hwcap = buffer.getLong(at + 16);
            if ((hwcap & HWCAP_EXTENSION) != 0) {
                continue;
            }
            add(paths, string(bytes, start + buffer.getInt(at + 4)), string(bytes, start + buffer.getInt(at + 8)));
        }
        return paths;
    }

    private static void add(Map<String, List<String>> paths, String name, String path) {
        paths.computeIfAbsent(name, n -> new ArrayList<>(2)).add(path);
    }

    /** Where the cache says {@code soname} is, in cache order; the caller checks each for a matching ELF class and machine. */
    public List<String> lookup(String soname) {
        return paths.getOrDefault(soname, List.of());
    }

    public int size() {
        return paths.size();
    }

    private static boolean startsWith(byte[] bytes, int at, String magic) {
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        if (at + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] bytes, int at) throws IOException {
        if (at < 0 || at >= bytes.length) {
            throw new IOException("loader cache string offset out of range");
        }
        int end = at;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, at, end - at, StandardCharsets.UTF_8);
    }
}
