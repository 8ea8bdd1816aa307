#!/usr/bin/env bash
# Builds (once) a Python virtual environment with Keras and TensorFlow (CPU) from PyPI, for the
# live-Keras tests (KerasExportTests with REGVIZ_PYTHON). Prints the environment's python.
#
#   scripts/keras-venv.sh            # ${XDG_CACHE_HOME:-$HOME/.cache}/regviz-ci/keras-venv
#
# The versions are pinned: the export's fixtures and its audit were made with them. A finished
# environment carries a stamp naming them; one without the stamp (an interrupted install) or with
# other versions is built again.
set -euo pipefail

KERAS=3.15.1
TENSORFLOW=2.21.0
dir="${XDG_CACHE_HOME:-$HOME/.cache}/regviz-ci/keras-venv"
stamp="$dir/.regviz-stamp"
want="keras==$KERAS tensorflow-cpu==$TENSORFLOW"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && "$dir/bin/python" -c 'import keras, numpy' 2>/dev/null; then
  echo "$dir/bin/python"
  exit 0
fi

apt_install() {
  echo "installing: $*" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "$@" >&2
}
command -v python3 >/dev/null 2>&1 || apt_install python3
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
# Debian's python3 lacks ensurepip until python3-venv is installed: venv then fails.
if ! python3 -m venv "$dir" >&2; then
  rm -rf "$dir"
  apt_install python3-venv
  python3 -m venv "$dir" >&2
fi
"$dir/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
"$dir/bin/python" -m pip install --quiet --disable-pip-version-check "keras==$KERAS" "tensorflow-cpu==$TENSORFLOW" >&2
TF_CPP_MIN_LOG_LEVEL=3 "$dir/bin/python" -c 'import keras, numpy, tensorflow' >&2
echo "$want" > "$stamp"
echo "$dir/bin/python"
