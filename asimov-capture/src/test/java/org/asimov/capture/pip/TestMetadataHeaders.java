package org.asimov.capture.pip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

/** Header parsing as Python's email parser (compat32) does it; pip takes Name and Version from it. */
class TestMetadataHeaders {
    private static MetadataHeaders parse(String text) throws IOException {
        return MetadataHeaders.parse(new BufferedReader(new StringReader(text)));
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
