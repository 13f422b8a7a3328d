package org.asimov.capture.conda;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether conda can read a distribution's file manifest ({@code RECORD} of a dist-info,
 * {@code installed-files.txt} of a manageable egg-info). conda's {@code read_python_record}
 * reads it through {@code PythonDistribution.get_paths} while building the record, so a
 * distribution whose manifest is missing is left out of {@code conda list} (an OSError it logs
 * and skips), and one whose manifest it cannot parse makes conda fail. We say which, so the
 * caller can leave it out with a warning.
 *
 * <p>The rows are read as Python's {@code csv} module reads them (excel dialect). conda fails
 * on an empty row ({@code row[0]}), on a checksum not written {@code sha256=…} and on a size
 * that is not an integer; those are the failures checked. (A malformed base64 digest would also
 * fail in conda; RECORD files written by installers do not have one, and it is not checked.)
 */
final class InstalledFilesManifest {
    private static final Pattern PYTHON_INT = Pattern.compile("^\\s*[+-]?[0-9]+(?:_[0-9]+)*\\s*$");

    private InstalledFilesManifest() {
    }

    /** Why conda would not list the distribution; empty when the manifest reads cleanly. */
    static Optional<String> problem(Path manifest) {
        String text;
        try {
            text = StrictText.read(manifest);
        } catch (CharacterCodingException e) {
            return Optional.of(manifest.getFileName() + " is not UTF-8");
        } catch (IOException e) {
            return Optional.of(manifest.getFileName() + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        int rowNumber = 0;
        for (List<String> row : csvRows(text)) {
            rowNumber++;
            if (row.isEmpty()) {
                return Optional.of(manifest.getFileName() + " has an empty row " + rowNumber);
            }
            if (row.size() == 3) {
                String checksum = row.get(1);
                String size = row.get(2);
                if (!checksum.isEmpty() && !checksum.startsWith("sha256=")) {
                    return Optional.of(manifest.getFileName() + " row " + rowNumber + " has a checksum that is not sha256");
                }
                if (!size.isEmpty() && !PYTHON_INT.matcher(size).matches()) {
                    return Optional.of(manifest.getFileName() + " row " + rowNumber + " has a size that is not a number");
                }
            }
        }
        return Optional.empty();
    }

    /** Python {@code csv.reader} rows (excel dialect, non-strict) of universal-newline text. */
    static List<List<String>> csvRows(String text) {
        enum State { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED, QUOTE_IN_QUOTED }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        State state = State.START_RECORD;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (state) {
                case START_RECORD, START_FIELD -> {
                    if (c == '\n') {
                        if (state == State.START_FIELD) {
                            row.add("");
                        }
                        rows.add(row);
                        row = new ArrayList<>();
                        state = State.START_RECORD;
                    } else if (c == '"') {
                        state = State.IN_QUOTED;
                    } else if (c == ',') {
                        row.add("");
                        state = State.START_FIELD;
                    } else {
                        field.append(c);
                        state = State.IN_FIELD;
                    }
                }
                case IN_FIELD -> {
                    if (c == ',' || c == '\n') {
                        row.add(field.toString());
                        field.setLength(0);
                        if (c == '\n') {
                            rows.add(row);
                            row = new ArrayList<>();
                            state = State.START_RECORD;
                        } else {
                            state = State.START_FIELD;
                        }
                    } else {
                        field.append(c);
                    }
                }
                case IN_QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        field.append(c);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        field.append('"');
                        state = State.IN_QUOTED;
                    } else if (c == ',' || c == '\n') {
                        row.add(field.toString());
                        field.setLength(0);
                        if (c == '\n') {
                            rows.add(row);
                            row = new ArrayList<>();
                            state = State.START_RECORD;
                        } else {
                            state = State.START_FIELD;
                        }
                    } else {
                        field.append(c);
                        state = State.IN_FIELD;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        if (state != State.START_RECORD) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
