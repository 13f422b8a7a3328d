package org.asimov.core.restore;

import java.util.List;

import org.asimov.core.environment.CapturedEnvironment;

/** README.md of a restore directory: what each file is, how to use it, and what the record cannot rebuild. */
public final class RestoreNotes {
    public static final String FILE = "README.md";

    private RestoreNotes() {
    }

    public static String text(RestoreSource source, List<String> files, List<Unrebuildable> unrebuildable) {
        CapturedEnvironment environment = source.environment();
        StringBuilder text = new StringBuilder();
        text.append("# Restoring ").append(Comments.oneLine(source.label())).append("\n\n");
        text.append("Recorded: ").append(environment.type().key()).append(" environment, Python ")
                .append(environment.pythonVersion());
        if (environment.implementation() != null) {
            text.append(" (").append(environment.implementation())
                    .append(environment.platform() == null ? "" : ", " + environment.platform()).append(')');
        }
        text.append(", captured ").append(environment.capturedAt()).append(", fingerprint `")
                .append(environment.fingerprint()).append("`.\n");
        text.append("Operating system: ").append(source.os() == null ? "not recorded" : source.os().displayName())
                .append(".\n\n## Files\n\n");
        for (String file : files) {
            text.append("- `").append(file).append("`: ").append(describe(file)).append('\n');
        }
        text.append("\n## What the record alone cannot rebuild\n\n");
        if (unrebuildable.isEmpty()) {
            text.append("Nothing: every distribution is pinned in requirements.txt.\n");
        } else {
            text.append("These are left out of requirements.txt; restore.sh installs everything else.\n\n");
            for (Unrebuildable left : unrebuildable) {
                text.append("- **").append(left.name()).append("**: ").append(left.reason()).append(".\n  To do: ")
                        .append(left.advice()).append(".\n");
            }
        }
        text.append("\n## Limits\n\n");
        text.append("- restore.sh uses this machine's OS libraries; only the container recipes install the recorded"
                + " OS packages.\n");
        text.append("- pip, setuptools and wheel are what the new environment comes with, unless the record pins them"
                + " (pip freeze leaves them out, and so does the record).\n");
        return text.toString();
    }

    private static String describe(String file) {
        return switch (file) {
            case RestoreScript.FILE -> "`sh restore.sh [--find-links DIR] [--no-index] [TARGET]` makes the environment"
                    + " in TARGET (default `venv` here) and installs the record into it; `--help` says more";
            case "requirements.txt" -> "the pip distributions, pinned; `pip install --no-deps -r requirements.txt`";
            case CondaSpec.FILE -> "the conda packages, for `conda create --name ENV --file conda-spec.txt`";
            case ContainerRecipe.CONTAINERFILE -> "`podman build -f Containerfile .` (or docker) rebuilds it on the"
                    + " recorded OS release";
            case ContainerRecipe.APPTAINER -> "`apptainer build asimov-restore.sif asimov-restore.def`, the same"
                    + " for Apptainer/Singularity";
            default -> "";
        };
    }
}
