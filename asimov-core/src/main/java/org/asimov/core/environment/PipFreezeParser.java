package org.asimov.core.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * Reads environment-pip.txt (what {@code pip freeze} prints) back into package records:
 * {@code name==version}, {@code name===raw}, {@code name @ url}, and editable installs, either
 * {@code -e git+URL@REV#egg=name} or {@code -e /path} after the comment pip writes to say what it
 * is ({@code # Editable install with no version control (name==version)} and its Git siblings).
 * Other comments and blank lines are skipped. Versions the text does not state are empty.
 */
public final class PipFreezeParser {
    /** The {@code (name==version)} or {@code (name===version)} inside pip's editable comments. */
    private static final Pattern EDITABLE_COMMENT =
            Pattern.compile("^# Editable .*?\\(([^()=\\s]+)===?([^()\\s]*)\\)");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([^&#\\s]+)");

    private PipFreezeParser() {
    }

    /**
     * Records in the order of the file; a name that appears twice (which pip never prints) keeps
     * its first line, as pip's own "first found wins" would.
     *
     * @throws AsimovException INVALID_INPUT naming the line that is not a freeze line
     */
    public static List<PackageRecord> parse(String text) {
        Map<String, PackageRecord> records = new LinkedHashMap<>();
        String[] pendingEditable = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher comment = EDITABLE_COMMENT.matcher(line);
                if (comment.find()) {
                    pendingEditable = new String[] {comment.group(1), comment.group(2)};
                }
                continue;
            }
            PackageRecord record = line.startsWith("-e ") || line.startsWith("--editable ")
                    ? editable(line.substring(line.indexOf(' ') + 1).strip(), pendingEditable, i + 1)
                    : requirement(line, i + 1);
            pendingEditable = null;
            records.putIfAbsent(PackageNames.canonical(record.name()), record);
        }
        return new ArrayList<>(records.values());
    }

    private static PackageRecord editable(String target, String[] fromComment, int lineNumber) {
        if (fromComment != null) {
            return PackageRecord.pip(fromComment[0], fromComment[1], target, true);
        }
        Matcher egg = EGG.matcher(target);
        if (egg.find()) {
            return PackageRecord.pip(egg.group(1), "", target, true);
        }
        // A hand-written '-e DIR' with neither comment nor egg: the directory names the project.
        String trimmed = target.replaceAll("/+$", "");
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw invalid(lineNumber, "-e " + target, "an editable install whose project name cannot be told");
        }
        return PackageRecord.pip(name, "", target, true);
    }

    private static PackageRecord requirement(String line, int lineNumber) {
        int at = line.indexOf(" @ ");
        if (at > 0) {
            return PackageRecord.pip(requireName(line.substring(0, at).strip(), line, lineNumber), "",
                    line.substring(at + 3).strip(), false);
        }
        int equals = line.indexOf("==");
        if (equals > 0) {
            String name = requireName(line.substring(0, equals).strip(), line, lineNumber);
            String version = line.substring(equals + (line.startsWith("===", equals) ? 3 : 2)).strip();
            if (version.isEmpty()) {
                throw invalid(lineNumber, line, "no version after '=='");
            }
            return PackageRecord.pip(name, version, null, false);
        }
        throw invalid(lineNumber, line, "expected 'name==version', 'name===version', 'name @ url' or '-e ...'");
    }

    private static String requireName(String name, String line, int lineNumber) {
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(lineNumber, line, "not a package name before the version");
        }
        return name;
    }

    private static AsimovException invalid(int lineNumber, String line, String problem) {
        return new AsimovException(ErrorKind.INVALID_INPUT,
                EnvironmentFiles.PIP + " line " + lineNumber + " ('" + line + "'): " + problem);
    }
}
