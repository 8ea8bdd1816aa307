#!/usr/bin/env bash
# Writes regviz's man page with its non-ASCII characters (λ, ×, →, …) intact.
#   scripts/man-page.sh REGVIZ GENERATE_MANUAL OUT.1
# swift-argument-parser's generate-manual keeps only ASCII characters (its roff escaping skips the
# rest), so the page it makes says "l1=" for "l1=λ" and "8024" for "80×24", and nothing done to its
# output can bring them back. So generate-manual is given the help dump with every non-ASCII
# character as an ASCII placeholder, and the placeholders then become roff escapes, which read the
# same under any locale (UTF-8 in a UTF-8 locale, a transliteration under LANG=C).
# Indented lines of a command's discussion (key lists, the lane table) are laid out by column in
# --help; in the page they become literal displays, else roff fills them into the next paragraph.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 REGVIZ GENERATE_MANUAL OUT.1" >&2; exit 2; }
regviz=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
generate=$2
out=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/regviz-man.XXXXXX")
trap 'rm -rf "$work"' EXIT

# generate-manual runs "TOOL --experimental-dump-help"; this TOOL answers with placeholders.
cat > "$work/regviz" <<EOF
#!/bin/sh
"$regviz" "\$@" | perl -CS -pe 's/([^\\x00-\\x7F])/sprintf("QqU%04XqQ", ord(\$1))/ge'
EOF
chmod +x "$work/regviz"
mkdir "$work/out"
"$generate" "$work/regviz" --authors "The RegViz authors" --output-directory "$work/out" >/dev/null

# Named escapes where roff has one: they have ASCII renderings too (λ reads "<lambda>", × "x"
# under LANG=C). Any other character becomes \[uXXXX] with an ASCII fallback (.fchar), which groff
# uses only where the terminal cannot show the character.
perl -e '
  my %named = ("03BB" => "\\(*l", "00D7" => "\\(mu", "2192" => "\\(->", "2190" => "\\(<-",
               "2191" => "\\(ua", "2193" => "\\(da", "2013" => "\\(en", "2014" => "\\(em",
               "2264" => "\\(<=", "2265" => "\\(>=", "03C1" => "\\(*r", "2212" => "\\(mi");
  my %ascii = ("2026" => "...", "2713" => "v", "2605" => "*", "00B7" => ".", "2016" => "||");
  my (@body, %fallback);
  my $in_display = 0;
  while (my $line = <STDIN>) {
    $line =~ s{QqU([0-9A-F]{4,6})qQ}{
      exists $named{$1} ? $named{$1} : do { $fallback{$1} = $ascii{$1} // "?"; "\\[u$1]" }
    }ge;
    # A text line that starts with blanks is a row of a column layout in the discussion.
    my $row = $line =~ /^  \S/;
    if ($row && !$in_display) { push @body, ".Bd -literal -offset 2n\n"; $in_display = 1; }
    if (!$row && $in_display) { push @body, ".Ed\n"; $in_display = 0; }
    $line =~ s/^  // if $row;
    $line =~ s/^([.\x27])/\\&$1/ if $row;   # a row must not read as a macro line
    push @body, $line;
  }
  push @body, ".Ed\n" if $in_display;
  # The fallbacks go after the prologue (.Dd .Dt .Os), before the first section.
  for my $line (@body) {
    if ($line =~ /^\.Sh / && %fallback) {
      print ".fchar \\[u$_] $fallback{$_}\n" for sort keys %fallback;
      %fallback = ();
    }
    print $line;
  }
' < "$work/out/regviz.1" > "$work/regviz.1"

if grep -q 'QqU' "$work/regviz.1"; then echo "$0: a placeholder survived in the page" >&2; exit 1; fi
mkdir -p "$(dirname "$out")"
mv "$work/regviz.1" "$out"
