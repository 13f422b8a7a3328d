package org.asimov.capture.pip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** {@code file:} URLs the way Python's pathlib and urllib write and read them. */
final class FileUrls {
    private static final String HEX = "0123456789ABCDEF";

    private FileUrls() {
    }

    /** {@code PurePosixPath(path).as_uri()}: {@code file://} plus the path quoted with {@code /} kept. */
    static String asUri(String absolutePath) {
        byte[] bytes = absolutePath.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("file://");
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~' || c == '/';
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return out.toString();
    }

    /**
     * pip's {@code url_to_path} on POSIX: the path of a {@code file:} URL with an empty or
     * {@code localhost} authority, percent-decoded; {@code null} for anything else (pip fails there).
     */
    static String toPath(String url) {
        if (!url.startsWith("file:")) {
            return null;
        }
        String rest = url.substring("file:".length());
        int cut = indexOfAny(rest, "?#");
        if (cut >= 0) {
            rest = rest.substring(0, cut);
        }
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String netloc = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!netloc.isEmpty() && !netloc.equals("localhost")) {
                return null;
            }
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        return unquote(rest);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code urllib.parse.unquote}: %XX sequences as UTF-8 bytes, invalid ones kept as they are. */
    private static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int next = s.indexOf('%', i + 1);
                int end = next < 0 ? s.length() : next;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
