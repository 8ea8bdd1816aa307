#!/usr/bin/env bash
# Installs into a temporary prefix, moves the source tree out of reach, and checks that the
# installed regviz still finds its data and lessons; then uninstalls. Run from the repo root.
set -euo pipefail
repo=$(pwd)
prefix=$(mktemp -d /tmp/regviz-prefix.XXXXXX)
hidden="$repo.out-of-reach"
restore() { [ -d "$hidden" ] && mv "$hidden" "$repo"; rm -rf "$prefix"; }
trap restore EXIT

make install PREFIX="$prefix" >/dev/null
for f in bin/regviz share/regviz/assets/iris.csv share/regviz/assets/digits.csv share/man/man1/regviz.1 share/bash-completion/completions/regviz \
         share/zsh/site-functions/_regviz share/fish/vendor_completions.d/regviz.fish; do
  [ -e "$prefix/$f" ] || { echo "test-install: $f was not installed"; exit 1; }
done
ls "$prefix"/share/regviz/lessons/*.md >/dev/null
scripts/test-man-page.sh "$prefix/share/man/man1/regviz.1"

cd /
mv "$repo" "$hidden"   # the binary's source-tree fallback now points nowhere
"$prefix/bin/regviz" --version
"$prefix/bin/regviz" run --dataset iris --hidden 8 --epochs 3 --format table
"$prefix/bin/regviz" run --dataset digits --hidden 8 --epochs 3 --format table
"$prefix/bin/regviz" lessons check
mv "$hidden" "$repo"

# An unwritable prefix fails with a clear message and a non-zero status.
cd "$repo"
if out=$(make install PREFIX=/proc/regviz-nope 2>&1); then echo "test-install: install into /proc succeeded?"; exit 1; fi
echo "$out" | grep -q "make install: cannot write to /proc/regviz-nope" || { echo "test-install: unclear error: $out"; exit 1; }

make uninstall PREFIX="$prefix" >/dev/null
[ ! -e "$prefix/bin/regviz" ] && [ ! -e "$prefix/share/regviz" ] || { echo "test-install: uninstall left files"; exit 1; }
echo "test-install: 1 passed, 0 failed"
