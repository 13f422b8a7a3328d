package org.asimov.capture.pip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TestProjectNames {
    /** pip's NAME_RE, as pip compiles it (re.IGNORECASE over an ASCII class). */
    private static final Pattern PIP_NAME = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);

    @Test
    void validNamesAreWhatPipsPatternAccepts() {
        List<String> names = new ArrayList<>(List.of(""));
        List<String> all = new ArrayList<>(names);
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String name : names) {
                for (char c : "aZ0._-~\u00e9 ".toCharArray()) {
                    longer.add(name + c);
                }
            }
            all.addAll(longer);
            names = longer;
        }
        for (String name : all) {
            assertThat(ProjectNames.isValidCanonical(name)).as("'%s'", name).isEqualTo(PIP_NAME.matcher(name).matches());
        }
        assertThat(ProjectNames.isValidCanonical("~atplotlib")).isFalse();
        assertThat(ProjectNames.isValidCanonical("zope-interface")).isTrue();
    }
}
