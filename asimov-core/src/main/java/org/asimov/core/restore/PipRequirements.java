package org.asimov.core.restore;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.asimov.core.environment.PackageNames;
import org.asimov.core.environment.PackageRecord;
import org.asimov.core.environment.PipFreezeParser;

/**
 * The pinned requirements.txt of a pip record. A line of {@code pip freeze} is already a
 * requirement pip installs exactly ({@code name==version}, {@code name===raw} for a version
 * that is not PEP 440, {@code name @ URL} with its {@code #sha256=} fragment, which pip checks),
 * so those lines are kept verbatim. Editable installs and installs from a local path
 * ({@code file:} URLs) are left out and listed as {@link Unrebuildable}: the record says where
 * they came from, not what they contained.
 *
 * @param lines         the requirement lines, in the record's order
 * @param pins          the records of the {@code ==}/{@code ===} lines, for checking a wheelhouse
 * @param unrebuildable what the record cannot rebuild, in the record's order
 */
public record PipRequirements(List<String> lines, List<PackageRecord> pins, List<Unrebuildable> unrebuildable) {
    public PipRequirements {
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
        pins = List.copyOf(requireNonNull(pins, "pins is null"));
        unrebuildable = List.copyOf(requireNonNull(unrebuildable, "unrebuildable is null"));
    }

    /** Every distribution of {@code pipText}. */
    public static PipRequirements of(String pipText) {
        return of(pipText, name -> true);
    }

    /**
     * @param canonicalNames which distributions to keep, by PEP 503 name (for conda, the ones
     *        pip installed)
     */
    public static PipRequirements of(String pipText, Predicate<String> canonicalNames) {
        List<String> lines = new ArrayList<>();
        List<PackageRecord> pins = new ArrayList<>();
        List<Unrebuildable> unrebuildable = new ArrayList<>();
        for (PackageRecord editable : PipFreezeParser.parse(pipText)) {
            if (editable.editable() && canonicalNames.test(canonical(editable))) {
                unrebuildable.add(new Unrebuildable(editable.name(), "-e " + editable.sourceUrl(),
                        "an editable install of " + editable.sourceUrl()
                                + (editable.version().isEmpty() ? "" : " (version " + editable.version() + ")"),
                        "check out that project (at the recorded revision, if it is a git URL), build a wheel of it"
                                + " ('pip wheel --no-deps -w WHEELHOUSE PROJECT') and restore with --find-links"
                                + " WHEELHOUSE, or install it by hand with 'pip install --no-deps -e PROJECT'"));
            }
        }
        for (String raw : pipText.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("-e ") || line.startsWith("--editable ")) {
                continue;
            }
            PackageRecord record = PipFreezeParser.parse(line).get(0);
            if (!canonicalNames.test(canonical(record))) {
                continue;
            }
            if (record.sourceUrl() != null && record.sourceUrl().startsWith("file:")) {
                unrebuildable.add(new Unrebuildable(record.name(), line,
                        "installed from a local path (" + record.sourceUrl() + ")",
                        "if that file or directory still exists, 'pip install --no-deps \"" + line + "\"'; otherwise"
                                + " build a wheel of the project and restore with --find-links WHEELHOUSE after"
                                + " adding '" + record.name() + "' to requirements.txt"));
                continue;
            }
            lines.add(line);
            if (record.sourceUrl() == null) {
                pins.add(record);
            }
        }
        return new PipRequirements(lines, pins, unrebuildable);
    }

    /** requirements.txt: a comment saying where it comes from, then one requirement a line. */
    public String text(String label) {
        StringBuilder text = new StringBuilder();
        text.append("# The pip distributions recorded for ").append(label).append(", pinned.\n");
        text.append("# Install with: python -m pip install --no-deps -r requirements.txt\n");
        for (Unrebuildable left : unrebuildable) {
            text.append("# left out, see README.md: ").append(left.line()).append('\n');
        }
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private static String canonical(PackageRecord record) {
        return PackageNames.canonical(record.name());
    }
}
