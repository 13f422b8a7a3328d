#!/bin/sh
# Makes a `conda` command out of conda's own source tree, for CondaCrossCheckTest, on machines
# where conda cannot be installed (conda on PyPI is ancient; the real one ships as a conda
# package). Only `conda list` is needed, which imports a subset of conda's dependencies.
#
# usage: conda-from-source.sh <conda source checkout> <work dir> [python3.11]
#   then: ASIMOV_CONDA=<work dir>/conda mvn -B -pl asimov-capture -am test
set -eu
src=$(cd "$1" && pwd)
work=$(mkdir -p "$2" && cd "$2" && pwd)
python=${3:-python3.11}

"$python" -m venv "$work/venv"
# conda's runtime dependencies that `conda list` imports (pyproject.toml); the solver,
# package handling and menu plugins are not needed to list a prefix
"$work/venv/bin/pip" install -q frozendict pluggy 'ruamel.yaml<0.20' boltons platformdirs packaging \
    tqdm requests charset-normalizer jsonpatch truststore distro setuptools msgpack zstandard

cat > "$work/conda" <<WRAPPER
#!/bin/sh
# conda from $src, isolated from any user configuration
export PYTHONPATH="$src" CONDARC=/dev/null HOME="$work/home" CONDA_PKGS_DIRS="$work/pkgs"
exec "$work/venv/bin/python" -m conda "\$@"
WRAPPER
chmod +x "$work/conda"
"$work/conda" --version
