package org.asimov.core.system;

import org.asimov.core.environment.EnvironmentFiles;

/**
 * Renders {@code environment-system.txt}: what to install on a new machine so that the
 * environment's compiled extensions find the same libraries. A header naming the OS, then one
 * {@code manager:name=version} line per OS package that owns a loaded library, sorted.
 */
public final class SystemPackagesText {
    /** The file's name in a run directory and in the store. */
    public static final String FILE_NAME = EnvironmentFiles.SYSTEM;

    private SystemPackagesText() {
    }

    public static String render(SystemReport report) {
        StringBuilder text = new StringBuilder()
                .append("# ").append(report.system().os().displayName()).append('\n')
                .append("# OS packages that own the shared libraries this environment's compiled extensions load\n");
        report.libraries().osPackages().forEach(owner -> text.append(owner.line()).append('\n'));
        return text.toString();
    }
}
