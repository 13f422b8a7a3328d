package org.asimov.capture.owners;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rpm header as rpm's database stores it (rpm's {@code lib/header.cc}, {@code hdrblobInit}):
 * no lead and no header magic, but big-endian {@code int32 il} (index entries) and
 * {@code int32 dl} (data bytes), {@code il} entries of four big-endian {@code int32}s (tag, type,
 * offset into the data, count), then the {@code dl} bytes of data. Only the types capture needs
 * are decoded, and every count and offset is checked against the blob before it is used: a
 * malformed header is reported, never read past.
 */
final class RpmHeader {
    // tags, from rpm's include/rpm/rpmtag.h
    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int ARCH = 1022;
    static final int OLDFILENAMES = 1027;
    static final int DIRINDEXES = 1116;
    static final int BASENAMES = 1117;
    static final int DIRNAMES = 1118;

    // types (rpmTagType)
    private static final int INT32 = 4;
    private static final int STRING = 6;
    private static final int STRING_ARRAY = 8;
    private static final int I18NSTRING = 9;

    /** rpm's own limits: HEADER_TAGS_MAX and HEADER_DATA_MAX. */
    private static final int TAGS_MAX = 0xffff;
    private static final int DATA_MAX = 0x0fffffff;

    /** A header that is not what rpm writes: truncated, or an offset, count or type out of place. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private record Entry(int type, int offset, int count) {
    }

    private final ByteBuffer data;
    private final Map<Integer, Entry> entries;

    private RpmHeader(ByteBuffer data, Map<Integer, Entry> entries) {
        this.data = data;
        this.entries = entries;
    }

    static RpmHeader parse(byte[] blob) throws MalformedException {
        if (blob.length < 8) {
            throw new MalformedException("header of " + blob.length + " bytes, shorter than its 8-byte preamble");
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob); // big-endian
        int il = buffer.getInt(0);
        int dl = buffer.getInt(4);
        if (il < 1 || il > TAGS_MAX || dl < 0 || dl > DATA_MAX) {
            throw new MalformedException("header claims " + il + " tags and " + dl + " data bytes");
        }
        long size = 8L + 16L * il + dl;
        if (size != blob.length) {
            throw new MalformedException("header of " + blob.length + " bytes, but 8 + 16 * " + il + " tags + " + dl
                    + " data bytes = " + size);
        }
        int dataStart = 8 + 16 * il;
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < il; i++) {
            int at = 8 + 16 * i;
            int tag = buffer.getInt(at);
            Entry entry = new Entry(buffer.getInt(at + 4), buffer.getInt(at + 8), buffer.getInt(at + 12));
            if (entry.offset() < 0 || entry.offset() > dl || entry.count() < 0) {
                throw new MalformedException("tag " + tag + " has offset " + entry.offset() + " and count " + entry.count()
                        + " in " + dl + " data bytes");
            }
            // rpm appends entries added after install ("dribbles") behind the original ones; they win
            entries.put(tag, entry);
        }
        return new RpmHeader(buffer.slice(dataStart, dl), entries);
    }

    /** A string tag; the first string of an array or i18n tag. Empty when the header has no such tag. */
    Optional<String> string(int tag) throws MalformedException {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.type() != STRING && entry.type() != STRING_ARRAY && entry.type() != I18NSTRING) {
            throw new MalformedException("tag " + tag + " has type " + entry.type() + ", not a string");
        }
        if (entry.count() < 1) {
            throw new MalformedException("tag " + tag + " holds no string");
        }
        return Optional.of(readStrings(tag, entry.offset(), 1).get(0));
    }

    /** A string array tag; empty when the header has no such tag. */
    List<String> strings(int tag) throws MalformedException {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return List.of();
        }
        if (entry.type() != STRING_ARRAY && entry.type() != I18NSTRING) {
            throw new MalformedException("tag " + tag + " has type " + entry.type() + ", not a string array");
        }
        return readStrings(tag, entry.offset(), entry.count());
    }

    /** An INT32 tag; empty when the header has no such tag. */
    int[] ints(int tag) throws MalformedException {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return new int[0];
        }
        if (entry.type() != INT32) {
            throw new MalformedException("tag " + tag + " has type " + entry.type() + ", not INT32");
        }
        if ((long) entry.offset() + 4L * entry.count() > data.limit()) {
            throw new MalformedException("tag " + tag + ": " + entry.count() + " INT32 values at " + entry.offset()
                    + " run past " + data.limit() + " data bytes");
        }
        int[] values = new int[entry.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.getInt(entry.offset() + 4 * i);
        }
        return values;
    }

    /** {@code count} NUL-terminated UTF-8 strings from {@code offset}, each ending inside the data. */
    private List<String> readStrings(int tag, int offset, int count) throws MalformedException {
        if (count > data.limit() - offset) { // every string takes at least its NUL
            throw new MalformedException("tag " + tag + ": " + count + " strings cannot fit in the data");
        }
        List<String> strings = new ArrayList<>(count);
        int at = offset;
        for (int i = 0; i < count; i++) {
            int end = at;
            while (end < data.limit() && data.get(end) != 0) {
                end++;
            }
            if (end == data.limit()) {
                throw new MalformedException("tag " + tag + ": string " + i + " is not terminated inside the data");
            }
            byte[] bytes = new byte[end - at];
            data.get(at, bytes);
            strings.add(new String(bytes, StandardCharsets.UTF_8));
            at = end + 1;
        }
        return strings;
    }
}
