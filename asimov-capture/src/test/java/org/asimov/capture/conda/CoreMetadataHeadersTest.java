package org.asimov.capture.conda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link CoreMetadataHeaders} against Python: each row's expected Name and Version are what
 * conda's {@code PythonDistributionMetadata._message_to_dict(HeaderParser().parse(...))}
 * returned for the text (read in text mode, so with universal newlines), run with conda's
 * source on CPython 3.11.
 */
class CoreMetadataHeadersTest {
    private static final String[][] PYTHON_SAYS = {
                {"Name: a\nVersion: 1\n", "a", "1"},
                {"Metadata-Version: 2.1\nName:   spaced  \nVersion:\t2\n", "spaced  ", "2"},
                {"Name: a\n b\nVersion: 1\n", "a\n b", "1"},
                {" lead\nName: x\nVersion: 1\n", "x", "1"},
                {"From someone\nName: x\nVersion: 1\n", "x", "1"},
                {"Name: x\nFrom someone\nVersion: 1\n", "x", "1"},
                {"Name: x\nVersion: 1\nFrom someone\n", "x", "1"},
                {": no name\nName: x\nVersion: 2\n", "x", "2"},
                {"Name x\nVersion: 1\n", null, null},
                {"", null, null},
                {"\n\nName: x\n", null, null},
                {"Name: x\nVersion: 1\n\nVersion: 2\n", "x", "1"},
                {"name: x\nNAME: y\nVersion: 1\n", null, "1"},
                {"Name: x\nVersion: 1\nVersion: 3\n", "x", "3"},
                {"Name: x\nVersion: 1\n \nSummary: s\n", "x", "1\n "},
                {"Name: x\nVersion: 1\n\t\nName: z\n", "z", "1\n\t"},
                {"Name:x\nVersion:1", "x", "1"},
                {"Name: x:y\nVersion: 1.0:2\n", "x:y", "1.0:2"},
                {"Na me: x\nVersion: 1\n", null, null},
                {"Name: x\nVersion: 1 \n   \n", "x", "1 \n   "},
                {"Name: \u00e9t\u00e9\nVersion: 1\n", "\u00e9t\u00e9", "1"},
                {"Name: x\nSummary: \u00e9\n continued\n\tmore\nVersion: 4\n", "x", "4"},
                {"\ufeffName: bom\nVersion: 1\n", null, null},
                {"Name: x\nVersion: 1\nDescription: a\n        |b\n        |\nName: later\n", "later", "1"},
                {"Name: x\r\nVersion: 1\r\n", "x", "1"},
                {"Name: x\rVersion: 1\r", "x", "1"},
                {"Name: last\n", "last", null},
                {"Version: 9\nName: n\nName: m\n", "m", "9"},
                {"Name: x\n\u000cVersion: 1\n", "x", null},
                {"Name: x\nVersion: 1\u000b2\n", "x", "1\u000b2"},
    };

    @Test
    void readsNameAndVersionExactlyAsPythonsHeaderParser() {
        for (String[] row : PYTHON_SAYS) {
            CoreMetadataHeaders headers = CoreMetadataHeaders.parse(PythonText.universalNewlines(row[0]));
            assertThat(headers.name()).as("Name of %s", row[0]).isEqualTo(row[1]);
            assertThat(headers.version()).as("Version of %s", row[0]).isEqualTo(row[2]);
        }
    }
}
