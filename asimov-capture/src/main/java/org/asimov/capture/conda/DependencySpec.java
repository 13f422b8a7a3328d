package org.asimov.capture.conda;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code depends} entry of a conda record, read as much as listing needs: the package name
 * and whether an installed version satisfies the version part. conda's MatchSpec grammar is
 * large; this reads the forms conda-build writes ({@code python >=3.11,<3.12.0a0},
 * {@code numpy>=1.23}, {@code python_abi 3.11.* *_cp311}) and compares versions with conda's
 * {@link CondaVersionOrder}. Only {@code ,}/{@code |} combinations of {@code >= <= > < == !=}
 * on a plain version are evaluated; any other constraint (and the build part) is taken as
 * satisfied, so an unusual spec can only make conda's ownership rule more generous here, never
 * turn a conda-owned distribution into a pip one.
 */
record DependencySpec(String name, String versionPart) {
    private static final Pattern NAME_END = Pattern.compile("[\\s=<>!~,|]");
    private static final Pattern RELATION = Pattern.compile("^(>=|<=|==|!=|>|<)([0-9a-z._+!-]+)$");

    static DependencySpec parse(String spec) {
        String s = spec.strip();
        int bracket = s.indexOf('[');
        if (bracket >= 0) {
            s = s.substring(0, bracket);
        }
        int channel = s.lastIndexOf("::");
        if (channel >= 0) {
            s = s.substring(channel + 2);
        }
        Matcher end = NAME_END.matcher(s);
        if (!end.find()) {
            return new DependencySpec(s, "");
        }
        String rest = s.substring(end.start()).strip();
        int space = rest.indexOf(' ');
        return new DependencySpec(s.substring(0, end.start()), space < 0 ? rest : rest.substring(0, space));
    }

    /** Whether {@code version} satisfies the version part, as far as it is understood. */
    boolean acceptsVersion(String version) {
        if (versionPart.isEmpty() || versionPart.contains("(") || versionPart.contains("^")) {
            return true;
        }
        CondaVersionOrder installed = CondaVersionOrder.parse(version);
        if (installed == null) {
            return true;
        }
        for (String alternative : versionPart.split("\\|", -1)) {
            if (allHold(alternative, installed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allHold(String conjunction, CondaVersionOrder installed) {
        for (String atom : conjunction.split(",", -1)) {
            Matcher m = RELATION.matcher(atom.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                continue; // not understood: taken as satisfied
            }
            CondaVersionOrder bound = CondaVersionOrder.parse(m.group(2));
            if (bound == null) {
                continue;
            }
            int c = installed.compareTo(bound);
            boolean holds = switch (m.group(1)) {
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case "<" -> c < 0;
                case "==" -> c == 0;
                default -> c != 0; // "!="
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
