package org.asimov.capture.elf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dynamic-linking facts of one ELF file, read the way the loader reads them: through the
 * program headers ({@code PT_INTERP}, {@code PT_DYNAMIC}, {@code PT_LOAD}), never the section
 * headers, which a stripped or packed library may lack. Only the header, the program headers,
 * the dynamic segment and its string table are read, so a 30 MB OpenBLAS costs a few kilobytes.
 *
 * @param path        the file as opened
 * @param identity    word size, byte order and machine
 * @param interpreter {@code PT_INTERP} (the loader an executable asks for), {@code null} for most libraries
 * @param soname      {@code DT_SONAME}, {@code null} when absent
 * @param needed      {@code DT_NEEDED} in file order
 * @param rpath       {@code DT_RPATH} as written (with {@code $ORIGIN} unexpanded), {@code null} when absent
 * @param runpath     {@code DT_RUNPATH} as written, {@code null} when absent
 */
public record ElfFile(
        Path path,
        ElfIdentity identity,
        String interpreter,
        String soname,
        List<String> needed,
        String rpath,
        String runpath) {
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_INTERP = 3;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_STRSZ = 10;
    private static final long DT_SONAME = 14;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;
    /** Far beyond any real dynamic section or string table; guards against corrupt sizes. */
    private static final long MAX_TABLE = 64L << 20;

    public ElfFile {
        requireNonNull(path, "path is null");
        requireNonNull(identity, "identity is null");
        needed = List.copyOf(requireNonNull(needed, "needed is null"));
    }

    /** The ELF identity of {@code path}, or empty when it is not an ELF file (or unreadable). */
    public static Optional<ElfIdentity> identify(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer header = readAt(channel, 0, 20, ByteOrder.LITTLE_ENDIAN);
            return header == null ? Optional.empty() : identity(header);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file's dynamic-linking facts, or empty when it is not a readable ELF file. */
    public static Optional<ElfFile> read(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(path, channel);
        } catch (IOException | RuntimeException e) {
            // not ELF, truncated, or corrupt: the loader would refuse it too
            return Optional.empty();
        }
    }

    private static Optional<ElfFile> read(Path path, FileChannel channel) throws IOException {
        ByteBuffer ident = readAt(channel, 0, 64, ByteOrder.LITTLE_ENDIAN);
        if (ident == null && (ident = readAt(channel, 0, 52, ByteOrder.LITTLE_ENDIAN)) == null) {
            return Optional.empty();
        }
        Optional<ElfIdentity> identity = identity(ident);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        boolean wide = identity.get().bits() == 64;
        ByteOrder order = identity.get().littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer header = ident.order(order);
        long phoff = wide ? header.getLong(32) : Integer.toUnsignedLong(header.getInt(28));
        int phentsize = Short.toUnsignedInt(header.getShort(wide ? 54 : 42));
        int phnum = Short.toUnsignedInt(header.getShort(wide ? 56 : 44));
        ByteBuffer phdrs = readAt(channel, phoff, phentsize * phnum, order);
        if (phdrs == null) {
            return Optional.empty();
        }
        List<long[]> loads = new ArrayList<>(); // {vaddr, offset, filesz}
        long dynOffset = -1;
        long dynSize = 0;
        String interpreter = null;
        for (int i = 0; i < phnum; i++) {
            int base = i * phentsize;
            int type = phdrs.getInt(base);
            long offset = wide ? phdrs.getLong(base + 8) : Integer.toUnsignedLong(phdrs.getInt(base + 4));
            long vaddr = wide ? phdrs.getLong(base + 16) : Integer.toUnsignedLong(phdrs.getInt(base + 8));
            long filesz = wide ? phdrs.getLong(base + 32) : Integer.toUnsignedLong(phdrs.getInt(base + 16));
            if (type == PT_LOAD) {
                loads.add(new long[] {vaddr, offset, filesz});
            } else if (type == PT_DYNAMIC) {
                dynOffset = offset;
                dynSize = filesz;
            } else if (type == PT_INTERP && filesz < 4096) {
                ByteBuffer bytes = readAt(channel, offset, (int) filesz, order);
                interpreter = bytes == null ? null : cString(bytes, 0);
            }
        }
        if (dynOffset < 0) {
            // a static executable: nothing to load
            return Optional.of(new ElfFile(path, identity.get(), interpreter, null, List.of(), null, null));
        }
        if (dynSize > MAX_TABLE) {
            return Optional.empty();
        }
        ByteBuffer dynamic = readAt(channel, dynOffset, (int) dynSize, order);
        if (dynamic == null) {
            return Optional.empty();
        }
        int entrySize = wide ? 16 : 8;
        List<Long> neededOffsets = new ArrayList<>();
        long strtab = -1;
        long strsz = 0;
        long soname = -1;
        long rpath = -1;
        long runpath = -1;
        for (int at = 0; at + entrySize <= dynamic.limit(); at += entrySize) {
            long tag = wide ? dynamic.getLong(at) : dynamic.getInt(at);
            long value = wide ? dynamic.getLong(at + 8) : Integer.toUnsignedLong(dynamic.getInt(at + 4));
            if (tag == DT_NULL) {
                break;
            } else if (tag == DT_NEEDED) {
                neededOffsets.add(value);
            } else if (tag == DT_STRTAB) {
                strtab = value;
            } else if (tag == DT_STRSZ) {
                strsz = value;
            } else if (tag == DT_SONAME) {
                soname = value;
            } else if (tag == DT_RPATH) {
                rpath = value;
            } else if (tag == DT_RUNPATH) {
                runpath = value;
            }
        }
        long strtabOffset = fileOffset(loads, strtab);
        if (strtabOffset < 0 || strsz <= 0 || strsz > MAX_TABLE) {
            return Optional.of(new ElfFile(path, identity.get(), interpreter, null, List.of(), null, null));
        }
        ByteBuffer strings = readAt(channel, strtabOffset, (int) strsz, order);
        if (strings == null) {
            return Optional.empty();
        }
        List<String> needed = new ArrayList<>(neededOffsets.size());
        for (long offset : neededOffsets) {
            needed.add(cString(strings, offset));
        }
        return Optional.of(new ElfFile(path, identity.get(), interpreter,
                soname < 0 ? null : cString(strings, soname), needed,
                rpath < 0 ? null : cString(strings, rpath),
                runpath < 0 ? null : cString(strings, runpath)));
    }

    private static Optional<ElfIdentity> identity(ByteBuffer header) {
        if (header.get(0) != 0x7f || header.get(1) != 'E' || header.get(2) != 'L' || header.get(3) != 'F') {
            return Optional.empty();
        }
        int elfClass = header.get(4);
        int data = header.get(5);
        if ((elfClass != 1 && elfClass != 2) || (data != 1 && data != 2)) {
            return Optional.empty();
        }
        boolean little = data == 1;
        int machine = little
                ? (header.get(18) & 0xff) | (header.get(19) & 0xff) << 8
                : (header.get(18) & 0xff) << 8 | (header.get(19) & 0xff);
        return Optional.of(new ElfIdentity(elfClass == 2 ? 64 : 32, little, machine));
    }

    /** The dynamic section holds addresses; the loader maps them, we translate them through PT_LOAD. */
    private static long fileOffset(List<long[]> loads, long address) {
        for (long[] load : loads) {
            if (address >= load[0] && address < load[0] + load[2]) {
                return address - load[0] + load[1];
            }
        }
        return -1;
    }

    private static String cString(ByteBuffer bytes, long offset) {
        if (offset < 0 || offset >= bytes.limit()) {
            throw new IllegalArgumentException("string offset outside the string table");
        }
        int start = (int) offset;
        int end = start;
        while (end < bytes.limit() && bytes.get(end) != 0) {
            end++;
        }
        byte[] text = new byte[end - start];
        bytes.get(start, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length, ByteOrder order) throws IOException {
        if (position < 0 || length < 0 || position + length > channel.size()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }
}
