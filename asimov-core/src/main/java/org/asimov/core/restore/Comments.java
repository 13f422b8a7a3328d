package org.asimov.core.restore;

/** Text that goes into a comment or label of a generated file: one line, no control characters. */
final class Comments {
    private Comments() {
    }

    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
