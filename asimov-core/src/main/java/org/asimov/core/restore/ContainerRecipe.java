package org.asimov.core.restore;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.asimov.core.environment.PackageRecord;

/**
 * A container recipe that rebuilds a recorded environment on its recorded OS release, rendered
 * as a {@code Containerfile} (Podman, Docker) and as an Apptainer definition. Both run the same
 * steps: install the OS packages of environment-system.txt at their recorded versions, get an
 * interpreter of the recorded version, then run restore.sh into {@value #TARGET}.
 *
 * <p>The interpreter: when the record's is the distribution's own ({@code /usr/bin/python3*}),
 * the distribution's python3 at that release is the same build, so it is installed from the
 * distribution. Otherwise CPython at exactly the recorded version is built from python.org's
 * source under {@code /opt/python}: one way that works on every distribution and keeps the
 * recorded OS release (an official {@code python:X.Y.Z} image would replace it with its own
 * Debian). For conda, Miniforge is installed and conda brings the interpreter. restore.sh
 * checks the version either way.
 *
 * @param steps shell commands, in order, run as root in the image
 */
public record ContainerRecipe(RestoreSource source, BaseImage base, List<String> steps, List<String> files, String target) {
    public static final String CONTAINERFILE = "Containerfile";
    public static final String APPTAINER = "asimov-restore.def";
    /** Where the recipe files go inside the image. */
    public static final String RECIPE_DIR = "/opt/asimov-restore";
    public static final String TARGET = "/opt/venv";
    public static final String CONDA_TARGET = "/opt/env";

    public ContainerRecipe {
        requireNonNull(source, "source is null");
        requireNonNull(base, "base is null");
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(target, "target is null");
    }

    public static ContainerRecipe of(RestoreSource source, List<String> files) {
        List<PackageRecord> system = source.environment().packages().stream()
                .filter(p -> !p.manager().equals("pip") && !p.manager().equals("conda")).toList();
        BaseImage base = BaseImage.of(source.os(), system.isEmpty() ? null : system.get(0).manager());
        boolean apt = base.packages() == BaseImage.PackageManager.APT;
        String version = source.pythonVersion();
        boolean distributionPython = distributionPython(source);

        List<String> tools = new ArrayList<>(List.of("ca-certificates"));
        String pythonEnv;
        List<String> steps = new ArrayList<>();
        if (source.isConda()) {
            tools.add("curl");
            pythonEnv = "CONDA_EXE=/opt/conda/bin/conda";
        } else if (distributionPython) {
            tools.addAll(apt ? List.of("python3", "python3-venv") : List.of("python3"));
            pythonEnv = "ASIMOV_PYTHON=" + source.pythonExecutable();
        } else {
            tools.addAll(apt
                    ? List.of("curl", "build-essential", "libssl-dev", "zlib1g-dev", "libbz2-dev", "libreadline-dev",
                            "libsqlite3-dev", "libffi-dev", "liblzma-dev", "uuid-dev")
                    : List.of("curl", "tar", "gzip", "make", "gcc", "openssl-devel", "zlib-devel", "bzip2-devel",
                            "readline-devel", "sqlite-devel", "libffi-devel", "xz-devel", "libuuid-devel"));
            pythonEnv = "ASIMOV_PYTHON=/opt/python/" + version + "/bin/python3";
        }
        String pinned = system.stream().map(p -> "'" + (apt ? p.name() + "=" + p.version() : p.name() + "-" + p.version()) + "'")
                .collect(Collectors.joining(" "));
        steps.add(apt
                ? "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends"
                        + " --allow-downgrades " + String.join(" ", tools) + (pinned.isEmpty() ? "" : " " + pinned)
                        + " && rm -rf /var/lib/apt/lists/*"
                : "dnf install -y --allowerasing " + String.join(" ", tools) + (pinned.isEmpty() ? "" : " " + pinned)
                        + " && dnf clean all");
        if (source.isConda()) {
            steps.add("curl -fsSL -o /tmp/miniforge.sh https://github.com/conda-forge/miniforge/releases/latest/download/"
                    + "Miniforge3-Linux-$(uname -m).sh && sh /tmp/miniforge.sh -b -p /opt/conda && rm /tmp/miniforge.sh");
        } else if (!distributionPython) {
            String release = version.replaceFirst("^(\\d+\\.\\d+\\.\\d+).*$", "$1");
            steps.add("curl -fsSL https://www.python.org/ftp/python/" + release + "/Python-" + version + ".tgz"
                    + " | tar -xz -C /tmp && cd /tmp/Python-" + version + " && ./configure --prefix=/opt/python/" + version
                    + " && make -j\"$(nproc)\" && make install && cd / && rm -rf /tmp/Python-" + version);
        }
        String target = source.isConda() ? CONDA_TARGET : TARGET;
        steps.add(pythonEnv + " sh " + RECIPE_DIR + "/" + RestoreScript.FILE + " " + target);
        return new ContainerRecipe(source, base, steps, files, target);
    }

    public String containerfile() {
        StringBuilder text = new StringBuilder();
        header(text);
        text.append("# Build: podman build -t asimov-restore -f ").append(CONTAINERFILE).append(" .   (or docker build)\n");
        text.append("# With local wheels: add 'COPY wheelhouse ").append(RECIPE_DIR).append("/wheelhouse' and pass")
                .append(" '--find-links ").append(RECIPE_DIR).append("/wheelhouse' to restore.sh below.\n");
        text.append("FROM ").append(base.reference()).append('\n');
        text.append("COPY ").append(String.join(" ", files)).append(' ').append(RECIPE_DIR).append("/\n");
        steps.forEach(step -> text.append("RUN ").append(step).append('\n'));
        text.append("ENV PATH=").append(target).append("/bin:$PATH\n");
        return text.toString();
    }

    public String apptainerDefinition() {
        StringBuilder text = new StringBuilder();
        text.append("Bootstrap: docker\n");
        text.append("From: ").append(base.reference()).append("\n\n");
        header(text);
        text.append("# Build: apptainer build asimov-restore.sif ").append(APPTAINER).append('\n');
        text.append("\n%labels\n");
        text.append("    org.asimov.restored-from ").append(Comments.oneLine(source.label())).append('\n');
        text.append("    org.asimov.python ").append(source.pythonVersion()).append('\n');
        text.append("\n%files\n");
        files.forEach(file -> text.append("    ").append(file).append(' ').append(RECIPE_DIR).append('/').append(file).append('\n'));
        text.append("\n%post\n");
        text.append("    set -eu\n");
        steps.forEach(step -> text.append("    ").append(step).append('\n'));
        text.append("\n%environment\n");
        text.append("    export PATH=").append(target).append("/bin:$PATH\n");
        text.append("\n%runscript\n");
        text.append("    exec ").append(target).append("/bin/python \"$@\"\n");
        return text.toString();
    }

    /** The record's interpreter is the distribution's own. */
    private static boolean distributionPython(RestoreSource source) {
        return !source.isConda() && source.pythonExecutable() != null
                && source.pythonExecutable().matches("/usr/bin/python3(\\.\\d+)?");
    }

    private void header(StringBuilder text) {
        text.append("# Rebuilds the environment recorded for ").append(Comments.oneLine(source.label())).append('\n');
        text.append("# (").append(source.environment().type().key()).append(", Python ").append(source.pythonVersion())
                .append(source.os() == null ? "" : ", recorded on " + Comments.oneLine(source.os().displayName()))
                .append(").\n");
        base.notes().forEach(note -> text.append("# ").append(note).append('\n'));
        if (source.systemText() == null) {
            text.append("# The record lists no OS packages (no environment-system.txt): only the tools the build needs are installed.\n");
        } else {
            text.append("# OS packages pinned to the versions in environment-system.txt; old versions may be gone from the\n");
            text.append("# distribution's mirrors (Debian keeps them at snapshot.debian.org).\n");
        }
        if (source.isConda()) {
            text.append("# conda comes from Miniforge; conda-spec.txt pins the interpreter and the conda packages.\n");
        } else if (distributionPython(source)) {
            text.append("# The record's interpreter is the distribution's (").append(source.pythonExecutable())
                    .append("), so the distribution's python3 is installed.\n");
        } else {
            text.append("# Python ").append(source.pythonVersion()).append(" is built from python.org's source, so the version is")
                    .append(" exact and the OS release stays the recorded one.\n");
        }
    }
}
