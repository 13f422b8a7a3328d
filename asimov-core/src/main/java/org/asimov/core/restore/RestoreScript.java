package org.asimov.core.restore;

/**
 * {@code restore.sh}: a POSIX shell script that rebuilds a recorded environment into a new
 * directory. For a virtualenv (or a system interpreter's record) it finds an interpreter of
 * exactly the recorded version and implementation among the machine's ({@code $ASIMOV_PYTHON},
 * {@code python3.X}, {@code python3} and {@code python} on PATH, pyenv's versions, and
 * {@code /usr/bin}, {@code /usr/local/bin}), makes a venv with it and pip-installs
 * requirements.txt with {@code --no-deps}, so the set is exactly the record's. For conda it
 * creates the prefix from conda-spec.txt with conda, mamba or micromamba, then installs pip's
 * part the same way. Its exit statuses are the constants here, so a caller can tell why it failed.
 */
public final class RestoreScript {
    public static final String FILE = "restore.sh";

    /** No interpreter of the recorded version (and implementation) was found. */
    public static final int NO_INTERPRETER = 10;
    /** The record is a conda environment and no conda, mamba or micromamba is on PATH. */
    public static final int NO_CONDA = 11;
    /** The target directory exists and is not empty; nothing was touched. */
    public static final int TARGET_EXISTS = 12;
    /** Creating the environment or installing into it failed; the tool's message says why. */
    public static final int INSTALL_FAILED = 13;

    private RestoreScript() {
    }

    public static String text(RestoreSource source) {
        String version = source.pythonVersion();
        String implementation = source.environment().implementation() == null ? ""
                : source.environment().implementation();
        String minor = version.replaceFirst("^(\\d+\\.\\d+).*$", "$1");
        String kind = source.isConda() ? "conda environment" : "virtual environment";
        return HEADER.replace("@LABEL@", Comments.oneLine(source.label()))
                .replace("@KIND@", kind)
                .replace("@VERSION@", version)
                .replace("@IMPLEMENTATION@", implementation)
                .replace("@MINOR@", minor)
                + OPTIONS
                + (source.isConda() ? CONDA : VENV.replace("@MINOR@", minor))
                + PIP;
    }

    private static final String HEADER = """
            #!/bin/sh
            # Rebuilds the @KIND@ recorded for @LABEL@ (Python @VERSION@).
            # Written by 'asimov env restore'. Usage:
            #   sh restore.sh [--find-links DIR] [--no-index] [--allow-patch-mismatch] [TARGET]
            # TARGET (default: venv beside this script) must not exist or be empty; nothing is ever deleted.
            # --allow-patch-mismatch (or ASIMOV_ALLOW_PATCH_MISMATCH=1) accepts Python @MINOR@.x when no @VERSION@ is found.
            # ASIMOV_PYTHON=PATH offers one more interpreter; CONDA_EXE=PATH one more conda.
            # Exit status: 0 restored, 2 usage, 10 no matching interpreter, 11 conda needed but not found,
            # 12 TARGET not empty, 13 creating the environment or installing into it failed.
            set -eu

            want_version='@VERSION@'
            want_implementation='@IMPLEMENTATION@'
            want_minor='@MINOR@'
            """;

    private static final String OPTIONS = """
            here=$(cd "$(dirname "$0")" && pwd)
            find_links=''
            no_index=0
            allow_patch=${ASIMOV_ALLOW_PATCH_MISMATCH:-0}
            target=''
            while [ $# -gt 0 ]; do
              case $1 in
                --find-links)
                  if [ $# -lt 2 ]; then echo "restore.sh: --find-links needs a directory" >&2; exit 2; fi
                  find_links=$2; shift 2 ;;
                --find-links=*) find_links=${1#--find-links=}; shift ;;
                --no-index) no_index=1; shift ;;
                --allow-patch-mismatch) allow_patch=1; shift ;;
                -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
                -*) echo "restore.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
                *)
                  if [ -n "$target" ]; then echo "restore.sh: only one TARGET may be given" >&2; exit 2; fi
                  target=$1; shift ;;
              esac
            done
            target=${target:-$here/venv}
            if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then
              echo "restore.sh: $target already exists and is not empty; give another TARGET (nothing was changed)" >&2
              exit 12
            fi
            # pip's options, kept in "$@" so that paths with spaces survive
            set --
            if [ -n "$find_links" ]; then set -- "$@" --find-links "$find_links"; fi
            if [ "$no_index" = 1 ]; then set -- "$@" --no-index; fi

            """;

    private static final String VENV = """
            candidates() {
              if [ -n "${ASIMOV_PYTHON:-}" ]; then printf '%s\\n' "$ASIMOV_PYTHON"; fi
              for name in python@MINOR@ python3 python; do
                command -v "$name" 2>/dev/null || true
              done
              for root in "${PYENV_ROOT:-}" "${HOME:-/nonexistent}/.pyenv"; do
                if [ -z "$root" ]; then continue; fi
                for p in "$root"/versions/*/bin/python; do
                  if [ -x "$p" ]; then printf '%s\\n' "$p"; fi
                done
              done
              for p in /usr/bin/python3* /usr/local/bin/python3*; do
                case $p in *-config) continue ;; esac
                if [ -f "$p" ] && [ -x "$p" ]; then printf '%s\\n' "$p"; fi
              done
            }
            # "VERSION IMPLEMENTATION PATH" for each candidate that runs
            found=$(candidates | awk '!seen[$0]++' | while IFS= read -r p; do
              v=$("$p" -c 'import sys; print("%d.%d.%d %s" % (sys.version_info[:3] + (sys.implementation.name,)))' 2>/dev/null) || continue
              printf '%s %s\\n' "$v" "$p"
            done)
            pick() {
              printf '%s\\n' "$found" | while read -r v impl p; do
                if [ -z "$v" ]; then continue; fi
                if [ -n "$want_implementation" ] && [ "$impl" != "$want_implementation" ]; then continue; fi
                case $v in $1) printf '%s\\n' "$p"; break ;; esac
              done
            }
            python=$(pick "$want_version")
            if [ -z "$python" ] && [ "$allow_patch" = 1 ]; then
              python=$(pick "$want_minor.*")
              if [ -n "$python" ]; then
                echo "restore.sh: WARNING: no Python $want_version found; using $python, a different patch release." >&2
                echo "restore.sh: WARNING: the restored environment will NOT match the record's interpreter." >&2
              fi
            fi
            if [ -z "$python" ]; then
              {
                echo "restore.sh: no Python $want_version ${want_implementation:+($want_implementation) }found on this machine; the record needs exactly that version."
                echo "restore.sh: interpreters found (version, implementation, path):"
                if [ -n "$found" ]; then printf '%s\\n' "$found" | sed 's/^/    /'; else echo "    none"; fi
                echo "restore.sh: install Python $want_version (for instance 'pyenv install $want_version') or set ASIMOV_PYTHON to one, then run this again;"
                echo "restore.sh: or pass --allow-patch-mismatch to accept another $want_minor.x release."
              } >&2
              exit 10
            fi
            echo "restore.sh: creating $target with $python"
            if ! "$python" -m venv "$target"; then
              echo "restore.sh: $python could not create a virtual environment in $target" >&2
              exit 13
            fi

            """;

    private static final String CONDA = """
            conda=''
            for c in "${CONDA_EXE:-}" mamba micromamba conda; do
              if [ -n "$c" ] && command -v "$c" >/dev/null 2>&1; then conda=$(command -v "$c"); break; fi
            done
            if [ -z "$conda" ]; then
              echo "restore.sh: this is a conda environment: rebuilding it needs conda, mamba or micromamba, and none is on PATH." >&2
              echo "restore.sh: install one (for instance Miniforge, https://conda-forge.org/download/) or set CONDA_EXE, then run this again." >&2
              exit 11
            fi
            echo "restore.sh: creating $target with $conda"
            if [ "$no_index" = 1 ]; then offline='--offline'; else offline=''; fi
            if ! "$conda" create --yes $offline --prefix "$target" --file "$here/conda-spec.txt"; then
              echo "restore.sh: $conda could not create $target from conda-spec.txt (see its message above)" >&2
              exit 13
            fi

            """;

    private static final String PIP = """
            if grep -q '^[^#]' "$here/requirements.txt"; then
              echo "restore.sh: installing requirements.txt into $target"
              if ! "$target/bin/python" -m pip install --disable-pip-version-check --no-input --no-deps "$@" -r "$here/requirements.txt"; then
                echo "restore.sh: pip could not install the recorded distributions into $target (see pip's message above)" >&2
                exit 13
              fi
            fi
            echo "restore.sh: restored into $target"
            """;
}
