package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.List;

/**
 * The text {@code conda list --export} prints (conda 24.9 and later, {@code cli/main_list.py}):
 * {@code print_export_header(context.subdir)} writes four lines, the last naming the tool that
 * wrote the file; then the package lines joined by newlines, each {@code rstrip()}ped (conda
 * 25.5+), and {@code print} ends it with one newline. With no packages that is an empty line
 * after the header, exactly as conda prints it.
 */
public final class CondaExportText {
    private final String createdBy;

    /** Names asimov, with its version when the jar carries one. */
    @Inject
    public CondaExportText() {
        this(asimovIdentity());
    }

    /** @param createdBy what follows {@code # created-by: }, where conda writes {@code conda <version>} */
    public CondaExportText(String createdBy) {
        this.createdBy = requireNonNull(createdBy, "createdBy is null");
        if (createdBy.isBlank() || createdBy.contains("\n")) {
            throw new IllegalArgumentException("createdBy must be one non-blank line: " + createdBy);
        }
    }

    private static String asimovIdentity() {
        String version = CondaExportText.class.getPackage().getImplementationVersion();
        return version == null ? "asimov" : "asimov " + version;
    }

    /** @param specs the {@code name=version=build} lines, already in conda's order */
    public String format(String subdir, List<String> specs) {
        StringBuilder text = new StringBuilder()
                .append("# This file may be used to create an environment using:\n")
                .append("# $ conda create --name <env> --file <this file>\n")
                .append("# platform: ").append(subdir).append('\n')
                .append("# created-by: ").append(createdBy).append('\n');
        for (int i = 0; i < specs.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(PythonText.rstrip(specs.get(i)));
        }
        return text.append('\n').toString();
    }
}
