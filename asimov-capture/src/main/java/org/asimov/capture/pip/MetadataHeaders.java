package org.asimov.capture.pip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The two headers of a core metadata file ({@code METADATA}, {@code PKG-INFO}) that pip freeze
 * needs, parsed the way Python's {@code email} parser (policy compat32) parses them: header
 * names are case-insensitive and the first occurrence wins, the value keeps trailing blanks,
 * continuation lines are joined with a newline, and the header block ends at the first blank
 * line or at the first line that is not a header. Only the header block is read: a long
 * description never costs anything.
 *
 * @param name    the {@code Name} header verbatim, {@code null} when absent
 * @param version the {@code Version} header verbatim, {@code null} when absent
 */
public record MetadataHeaders(String name, String version) {
    public static final MetadataHeaders EMPTY = new MetadataHeaders(null, null);

    /**
     * Reads the headers of {@code file}, decoding UTF-8 strictly as importlib.metadata does.
     *
     * @throws CharacterCodingException when the header block is not UTF-8
     * @throws IOException when the file cannot be read
     */
    public static MetadataHeaders read(Path file) throws IOException {
        return read(file, CodingErrorAction.REPORT);
    }

    /** As {@link #read(Path)}, with a choice between strict decoding and Python's {@code errors="replace"}. */
    public static MetadataHeaders read(Path file, CodingErrorAction onBadUtf8) throws IOException {
        byte[] buffer = new byte[4096];
        int length = 0;
        int end;
        HeaderBlockScanner scanner = new HeaderBlockScanner();
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                end = scanner.end(buffer, length);
                if (end >= 0) {
                    break;
                }
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    end = length;
                    scanner.endOfInput(buffer, length);
                    break;
                }
                length += n;
            }
        }
        if (scanner.ascii()) {
            // ASCII reads the same in every decoding, strict or not, and Latin-1's is a plain copy:
            // most header blocks are ASCII
            return parse(new String(buffer, 0, end, StandardCharsets.ISO_8859_1));
        }
        if (scanner.validUtf8()) {
            // Everything parse decides on (line ends, blanks, colons, header names) is ASCII, and
            // no byte of a multi-byte UTF-8 sequence is: parsed as Latin-1, the block splits
            // exactly as its decoded text would, and only Name's and Version's values need
            // decoding. numpy's, pandas' and matplotlib's blocks run to 60-76 KB of licence text.
            return parse(new String(buffer, 0, end, StandardCharsets.ISO_8859_1)).decodedFromLatin1();
        }
        // not UTF-8: the decoder says where (strict), or puts U+FFFD for each bad sequence (Python's "replace")
        CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(onBadUtf8)
                .onUnmappableCharacter(onBadUtf8)
                .decode(ByteBuffer.wrap(buffer, 0, end));
        return parse(text.toString());
    }

    /** These headers read as Latin-1 from UTF-8 bytes, decoded. */
    private MetadataHeaders decodedFromLatin1() {
        return new MetadataHeaders(utf8FromLatin1(name), utf8FromLatin1(version));
    }

    private static String utf8FromLatin1(String value) {
        return value == null ? null : new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * Finds where the header block ends as its bytes arrive, looking at each byte once (a block
     * can run to tens of kilobytes: numpy's and scipy's carry their licences), and notes on the
     * way whether the block is ASCII and whether it is valid UTF-8 as Python's strict decoder
     * (and Java's) judge it: no overlong forms, no surrogates, nothing past U+10FFFF.
     */
    private static final class HeaderBlockScanner {
        private int scanned;
        private boolean atLineStart = true;
        private boolean ascii = true;
        private boolean validUtf8 = true;

        /**
         * Where the first blank line starts (the header block ends), or -1 when not within
         * {@code length} bytes yet. A CR or a multi-byte sequence cut off by the end of what
         * was read waits for the next read.
         */
        int end(byte[] bytes, int length) {
            for (int i = scanned; i < length; i++) {
                byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    if (atLineStart) {
                        scanned = i;
                        return i;
                    }
                    if (b == '\r' && i + 1 == length) {
                        scanned = i; // a CR at the end of what was read: the next byte tells the line end
                        return -1;
                    }
                    if (b == '\r' && bytes[i + 1] == '\n') {
                        i++;
                    }
                    atLineStart = true;
                } else {
                    atLineStart = false;
                    if (b < 0) {
                        ascii = false;
                        int continuations = continuationsOf(b);
                        if (i + continuations >= length && validUtf8 && continuations > 0) {
                            scanned = i; // the rest of the sequence is in the next read
                            return -1;
                        }
                        if (validUtf8 && isValidSequence(bytes, i, continuations)) {
                            i += continuations; // none of them is a CR or LF
                        } else {
                            validUtf8 = false;
                        }
                    }
                }
            }
            scanned = length;
            return -1;
        }

        /**
         * The input ended before a blank line: a sequence still waiting for its bytes never gets
         * them (a CR waiting for the next byte is just the last line's end).
         */
        void endOfInput(byte[] bytes, int length) {
            if (scanned < length && bytes[scanned] < 0) {
                validUtf8 = false;
            }
        }

        boolean ascii() {
            return ascii;
        }

        boolean validUtf8() {
            return validUtf8;
        }

        /** How many continuation bytes a lead byte announces; 0 for a byte that cannot lead. */
        private static int continuationsOf(byte lead) {
            int b = lead & 0xff;
            if (b >= 0xc2 && b <= 0xdf) {
                return 1;
            }
            if (b >= 0xe0 && b <= 0xef) {
                return 2;
            }
            if (b >= 0xf0 && b <= 0xf4) {
                return 3;
            }
            return 0;
        }

        private static boolean isValidSequence(byte[] bytes, int lead, int continuations) {
            if (continuations == 0) {
                return false;
            }
            int b0 = bytes[lead] & 0xff;
            int b1 = bytes[lead + 1] & 0xff;
            // the second byte's range is narrower after four leads (RFC 3629's table)
            int low = b0 == 0xe0 ? 0xa0 : b0 == 0xf0 ? 0x90 : 0x80;
            int high = b0 == 0xed ? 0x9f : b0 == 0xf4 ? 0x8f : 0xbf;
            if (b1 < low || b1 > high) {
                return false;
            }
            for (int k = 2; k <= continuations; k++) {
                if ((bytes[lead + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Parses a header block; the text may go on past it. Lines end with CRLF, CR or LF. */
    static MetadataHeaders parse(String text) {
        Collector headers = new Collector();
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int eol = pos;
            while (eol < length && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
                eol++;
            }
            String line = text.substring(pos, eol);
            pos = eol < length && text.charAt(eol) == '\r' && eol + 1 < length && text.charAt(eol + 1) == '\n' ? eol + 2 : eol + 1;
            if (line.isEmpty()) {
                break;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                headers.continueValue(line);
            } else if (line.startsWith("From ")) {
                // an mbox envelope line: the email parser sets it aside
                headers.finish();
            } else {
                int colon = headerColon(line);
                if (colon < 0) {
                    break;
                }
                headers.finish();
                if (headers.hasBoth()) {
                    // the first of each wins, so nothing further can change them: Classifiers and
                    // a License folded over hundreds of lines are never split into lines
                    break;
                }
                if (colon > 0) {
                    // the email parser drops a header with an empty name
                    headers.start(line.substring(0, colon), stripLeadingBlanks(line, colon + 1));
                }
            }
        }
        headers.finish();
        return new MetadataHeaders(headers.name, headers.version);
    }

    /** Accumulates one header at a time, keeping the first Name and the first Version. */
    private static final class Collector {
        private String name;
        private String version;
        private String key;
        private StringBuilder value;

        void start(String headerName, String firstLineValue) {
            key = headerName;
            value = new StringBuilder(firstLineValue);
        }

        void continueValue(String line) {
            if (value != null) {
                value.append('\n').append(line);
            }
        }

        boolean hasBoth() {
            return name != null && version != null;
        }

        void finish() {
            if (key != null) {
                if (name == null && key.equalsIgnoreCase("name")) {
                    name = value.toString();
                } else if (version == null && key.equalsIgnoreCase("version")) {
                    version = value.toString();
                }
            }
            key = null;
            value = null;
        }
    }

    /** Position of the colon of a header line ({@code [\041-\071\073-\176]*:}), or -1. */
    private static int headerColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':') {
                return i;
            }
            if (c < 0x21 || c > 0x7e) {
                return -1;
            }
        }
        return -1;
    }

    private static String stripLeadingBlanks(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(i);
    }
}
