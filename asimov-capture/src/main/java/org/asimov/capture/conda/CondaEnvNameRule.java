package org.asimov.capture.conda;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The name conda gives a prefix ({@code PrefixData.name}, shown as
 * {@code prefix_data.name or prefix_data.prefix_path}): {@code base} for the root install, the
 * directory name for an environment inside an envs directory, else the full path.
 *
 * <p>conda compares against its own {@code root_prefix} and configured {@code envs_dirs}; we
 * have no running conda, so we recognise them from the layout: a root install is the prefix that
 * holds the {@code envs} directory (the installers create it) or conda's own
 * {@code condabin/conda}; an envs directory is one named {@code envs} (the default
 * {@code <root>/envs} and {@code ~/.conda/envs}).
 */
public final class CondaEnvNameRule {
    static final String ROOT_ENV_NAME = "base";

    public String envName(Path prefix) {
        Path absolute = prefix.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute.resolve("envs")) || Files.isRegularFile(absolute.resolve("condabin/conda"))) {
            return ROOT_ENV_NAME;
        }
        Path parent = absolute.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("envs")
                && absolute.getFileName() != null) {
            return absolute.getFileName().toString();
        }
        return absolute.toString();
    }
}
