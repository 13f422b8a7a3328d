package org.asimov.capture.pip;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Header parsing as Python's email parser (compat32) does it; pip takes Name and Version from it. */
class TestMetadataHeaders {
    private static MetadataHeaders parse(String text) throws IOException {
        Path file = Files.createTempFile("METADATA", "");
        try {
            Files.writeString(file, text);
            MetadataHeaders fromFile = MetadataHeaders.read(file);
            assertThat(fromFile).isEqualTo(MetadataHeaders.parse(text));
            return fromFile;
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void longHeaderBlocksAndBadUtf8() throws IOException {
        String many = "Name: big\n" + "Classifier: x\n".repeat(2000) + "Version: 3\n\nbody";
        assertThat(parse(many)).isEqualTo(new MetadataHeaders("big", "3"));
        Path file = Files.createTempFile("METADATA", "");
        try {
            Files.write(file, new byte[] {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n', '\n', (byte) 0xfe});
            assertThatThrownBy(() -> MetadataHeaders.read(file)).isInstanceOf(CharacterCodingException.class);
            assertThat(MetadataHeaders.read(file, CodingErrorAction.REPLACE).name()).isEqualTo("\ufffd");
            // bad bytes after the header block are never read
            Files.write(file, new byte[] {'N', 'a', 'm', 'e', ':', ' ', 'x', '\r', '\n', '\r', '\n', (byte) 0xfe});
            assertThat(MetadataHeaders.read(file).name()).isEqualTo("x");
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The end of a header block is looked for as the file is read, 4 KiB and then doubling: a
     * CRLF split between two reads, a blank line just past a read, and a bad byte late in a
     * long block must all count as they would in one piece.
     */
    @Test
    void theHeaderBlockEndIsFoundAcrossReads() throws IOException {
        for (int pad = 4080; pad <= 4100; pad++) {
            // Version after the boundary: a block taken to end early would lose it
            String head = "Name: n\r\nSummary: " + "s".repeat(pad - 20) + "\r\n";
            assertThat(parse(head + "Version: 1\r\n\r\nVersion: body\r\n")).as("pad %d", pad)
                    .isEqualTo(new MetadataHeaders("n", "1"));
            assertThat(parse(head + "\rVersion: body\r")).as("pad %d", pad).isEqualTo(new MetadataHeaders("n", null));
        }
        String longBlock = "Name: big\nVersion: 1\n" + "License: ".concat("l".repeat(70)).concat("\n").repeat(300);
        Path file = Files.createTempFile("METADATA", "");
        try {
            byte[] ascii = (longBlock + "Author: ").getBytes(StandardCharsets.US_ASCII);
            byte[] bad = Arrays.copyOf(ascii, ascii.length + 4);
            bad[ascii.length] = (byte) 0xc3;
            bad[ascii.length + 1] = '\n';
            bad[ascii.length + 2] = '\n';
            bad[ascii.length + 3] = 'b';
            Files.write(file, bad);
            assertThatThrownBy(() -> MetadataHeaders.read(file)).isInstanceOf(CharacterCodingException.class);
            Files.writeString(file, longBlock + "Author: J\u00f6rg\n\nbody");
            assertThat(MetadataHeaders.read(file)).isEqualTo(new MetadataHeaders("big", "1"));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theWholeHeaderBlockMustBeUtf8EvenPastNameAndVersion() throws IOException {
        Path file = Files.createTempFile("METADATA", "");
        try {
            Files.write(file, new byte[] {'N', 'a', 'm', 'e', ':', ' ', 'x', '\n', 'V', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', '1', '\n',
                'A', 'u', 't', 'h', 'o', 'r', ':', ' ', (byte) 0xc3, '\n', '\n', 'b', 'o', 'd', 'y'});
            assertThatThrownBy(() -> MetadataHeaders.read(file)).isInstanceOf(CharacterCodingException.class);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * Whether a header block is UTF-8 is decided as its bytes are scanned, not by decoding it:
     * the verdict, and the headers, must be the strict decoder's, for every kind of sequence
     * (overlong, surrogate, past U+10FFFF, cut short, stray continuation) wherever it falls,
     * across reads and at the end of the file.
     */
    @Test
    void theUtf8VerdictAndTheHeadersAreTheStrictDecodersWhereverASequenceFalls() throws IOException {
        byte[][] sequences = {
            {(byte) 0xc3, (byte) 0xb6}, {(byte) 0xe2, (byte) 0x82, (byte) 0xac}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x90, (byte) 0x8d},
            {(byte) 0xef, (byte) 0xbf, (byte) 0xbd}, {(byte) 0xf4, (byte) 0x8f, (byte) 0xbf, (byte) 0xbf},
            {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80},
            {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x90}, {(byte) 0xc3}};
        Random random = new Random(42);
        Path file = Files.createTempFile("METADATA", "");
        try {
            for (int round = 0; round < 3000; round++) {
                ByteArrayOutputStream block = new ByteArrayOutputStream();
                block.writeBytes("Name: ".getBytes(StandardCharsets.US_ASCII));
                block.writeBytes(sequences[random.nextInt(sequences.length)]);
                block.writeBytes("\nSummary: ".getBytes(StandardCharsets.US_ASCII));
                block.writeBytes("s".repeat(4060 + random.nextInt(40)).getBytes(StandardCharsets.US_ASCII));
                for (int k = random.nextInt(3); k > 0; k--) {
                    block.writeBytes(sequences[random.nextInt(sequences.length)]);
                }
                block.writeBytes("\nVersion: 1".getBytes(StandardCharsets.US_ASCII));
                block.writeBytes(sequences[random.nextInt(sequences.length)]);
                boolean endsAtBlankLine = random.nextBoolean();
                byte[] header = block.toByteArray();
                block.writeBytes(endsAtBlankLine ? "\n\nbody \u00e9".getBytes(StandardCharsets.UTF_8) : new byte[0]);
                Files.write(file, block.toByteArray());

                String decoded;
                try {
                    decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(header)).toString();
                } catch (CharacterCodingException notUtf8) {
                    assertThatThrownBy(() -> MetadataHeaders.read(file)).as("round %d", round)
                            .isInstanceOf(CharacterCodingException.class);
                    assertThat(MetadataHeaders.read(file, CodingErrorAction.REPLACE)).as("round %d", round)
                            .isEqualTo(MetadataHeaders.parse(new String(header, StandardCharsets.UTF_8)));
                    continue;
                }
                assertThat(MetadataHeaders.read(file)).as("round %d", round).isEqualTo(MetadataHeaders.parse(decoded));
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsValidUtf8() throws IOException {
        // U+FFFD is what a lenient decoder puts for bad bytes; spelled out in UTF-8 it is just a character
        assertThat(parse("Name: a\ufffdb\nVersion: 1\nAuthor: J\u00f6rg\n\n"))
                .isEqualTo(new MetadataHeaders("a\ufffdb", "1"));
    }

    @Test
    void theVersionKeepsItsContinuationWhenMoreHeadersFollow() throws IOException {
        assertThat(parse("Name: n\nVersion: 1.0\n  more\nSummary: s\nName: later\n"))
                .isEqualTo(new MetadataHeaders("n", "1.0\n  more"));
    }

    @Test
    void firstOccurrenceWinsAndNamesAreCaseInsensitive() throws IOException {
        assertThat(parse("Metadata-Version: 2.1\nname: Foo_Bar\nNAME: other\nversion:1.0\n\nName: body\n"))
                .isEqualTo(new MetadataHeaders("Foo_Bar", "1.0"));
    }

    @Test
    void valuesKeepTrailingBlanksAndContinuations() throws IOException {
        assertThat(parse("Name: spaced  \nVersion: 1.0\n  continued\n")).isEqualTo(new MetadataHeaders("spaced  ", "1.0\n  continued"));
    }

    @Test
    void headerBlockEndsAtBlankLineOrNonHeaderLine() throws IOException {
        assertThat(parse("\nName: x\n")).isEqualTo(MetadataHeaders.EMPTY);
        assertThat(parse("Metadata-Version: 2.1\nnot a header\nName: x\n")).isEqualTo(MetadataHeaders.EMPTY);
        assertThat(parse("Name: crlf\r\nVersion: 2\r\n\r\nName: no\r\n")).isEqualTo(new MetadataHeaders("crlf", "2"));
    }

    @Test
    void emptyHeaderNameIsDropped() throws IOException {
        assertThat(parse(": nothing\nName: kept\n")).isEqualTo(new MetadataHeaders("kept", null));
    }
}
