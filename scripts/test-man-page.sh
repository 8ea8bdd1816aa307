#!/usr/bin/env bash
# Renders an installed regviz.1 the way a learner reads it (man -l) and checks that λ, × and the
# lane syntax survive, in a UTF-8 locale and in the C locale, and that the key lists stay lists.
#   scripts/test-man-page.sh PATH/TO/regviz.1
set -euo pipefail
page=$1
fail() { echo "test-man-page: $*" >&2; exit 1; }
man --version >/dev/null 2>&1 || fail "man is missing (apt-get install man-db groff-base)"
grep -q '8024' "$page" && fail "the page has '8024': the × of 80×24 was dropped"

render() {   # LANG → the page as plain text; troff's warnings (e.g. a missing glyph) fail the test
  local err
  err=$(mktemp)
  LANG=$1 LC_ALL=$1 MANWIDTH=100 MANPAGER=cat PAGER=cat man -l "$page" 2>"$err" | col -bx
  if [ -s "$err" ]; then cat "$err" >&2; rm -f "$err"; fail "man -l under LANG=$1 warned"; fi
  rm -f "$err"
}
expect() {   # TEXT NEEDLE WHAT
  grep -qF -- "$2" <<<"$1" || fail "$3: '$2' not in the rendered page"
}

utf8=$(render C.UTF-8)
expect "$utf8" "(l1=λ,l2=λ)" "UTF-8: the lane syntax"
expect "$utf8" "group=λ, the group lasso" "UTF-8: the lane terms (from the term table)"
expect "$utf8" "1:l1=λ;2:l2=λ" "UTF-8: the per-layer lane syntax"
expect "$utf8" "at least 80×24" "UTF-8: the terminal size"
expect "$utf8" "[ ] λ down/up" "UTF-8: the λ keys"
expect "$utf8" "(✓ = finished)" "UTF-8: the check mark"
# Each key row is a line of its own, and the text after the list does not run into it.
grep -qE '^ +l log view   p loss view   k Keras code   w write it   q quit$' <<<"$utf8" || fail "UTF-8: play's last key row is not a line of its own"
grep -qE '^ +Next is allowed' <<<"$utf8" || fail "UTF-8: the text after the lesson keys ran into them"

ascii=$(render C)
expect "$ascii" "(l1=<lambda>,l2=<lambda>)" "LANG=C: the lane syntax"
expect "$ascii" "at least 80x24" "LANG=C: the terminal size"
expect "$ascii" "(v = finished)" "LANG=C: the check mark's fallback"
echo "test-man-page: 1 passed, 0 failed"
