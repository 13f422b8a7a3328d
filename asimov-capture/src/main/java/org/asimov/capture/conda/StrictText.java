package org.asimov.capture.conda;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file as conda's {@code open_utf8} does: UTF-8, failing on undecodable bytes rather
 * than replacing them, with Python's universal newlines.
 */
final class StrictText {
    private StrictText() {
    }

    /** @throws CharacterCodingException when the bytes are not UTF-8 (Python's UnicodeDecodeError) */
    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return PythonText.universalNewlines(text);
    }
}
