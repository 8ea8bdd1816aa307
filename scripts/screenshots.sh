#!/usr/bin/env bash
# Regenerates the README pictures from the real program:
#   assets/screenshot-dashboard.png   `regviz play` at 120×40 after a few hundred epochs
#   assets/screenshot-lesson.png      `regviz lesson 2` at 120×40, first step answered
#   assets/run-plot.svg               `regviz run --plot`
#   assets/screenshot-matrix.png      `regviz play`, `v`: the weight-matrix view
#   assets/screenshot-digits.png      `regviz play --dataset digits`: each lane's inputs as pixels
#   assets/digits-plot.svg            `regviz run --dataset digits --plot`
#   assets/screenshot-tug.png         `regviz play`, `v v v`: the tug of war
#   assets/screenshot-lens.png        `regviz lens` once the trajectories have landed
#   assets/lens.svg, lens-correlated.svg  `regviz lens --plot`
# Each terminal picture is a tmux capture (with colours) rendered by scripts/ansi2svg.py and
# rsvg-convert (Debian: librsvg2-bin). Run from the repository root.
set -euo pipefail
command -v rsvg-convert >/dev/null || { echo "screenshots: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "screenshots: needs tmux" >&2; exit 1; }
swift build -c release --product regviz >/dev/null
bin=$(swift build -c release --show-bin-path)/regviz
state=$(mktemp -d)
T="tmux -L regviz-shots-$$ -f /dev/null"
trap '$T kill-server 2>/dev/null || true; rm -rf "$state"' EXIT

# Waits until the pane shows text matching $1 (extended regex), for up to $2 seconds.
wait_for() {
  local deadline=$(( $(date +%s) + ${2:-60} ))
  while (( $(date +%s) < deadline )); do
    $T capture-pane -t shot -p | grep -qE "$1" && return 0
    sleep 0.2
  done
  echo "screenshots: timed out waiting for /$1/" >&2; return 1
}

shoot() {  # name
  $T capture-pane -t shot -e -p > "$state/$1.ans"
  python3 scripts/ansi2svg.py "$state/$1.ans" "$state/$1.svg" --cols 120 --rows 40
  rsvg-convert "$state/$1.svg" -o "assets/$1.png"
  echo "wrote assets/$1.png"
}

start() {  # command…
  $T kill-server 2>/dev/null || true
  $T start-server \; set -g default-terminal tmux-256color \; \
    new-session -d -s shot -x 120 -y 40 -e LANG=C.UTF-8 -e XDG_STATE_HOME="$state" "$*; sleep 60"
}

start "$bin" play --speed 40
wait_for 'epoch (3[5-9][0-9]|[4-9][0-9][0-9])' 60
$T send-keys -t shot ' '   # pause, so the picture is of one moment
sleep 0.5
shoot screenshot-dashboard
$T send-keys -t shot v
sleep 0.5
shoot screenshot-matrix
$T send-keys -t shot v v
sleep 0.5
shoot screenshot-tug

# The digits: none, L1 and the group penalty on layer 1, and both (the sparse group lasso).
digits=(--dataset digits --hidden 32 --optimizer adam --lr 0.01 --lane none --lane "L1 = 1:l1=0.01"
        --lane "Group = 1:group=0.05" --lane "L1+Group = 1:l1=0.005,group=0.05")
start "$bin" play --speed 20 "$(printf '%q ' "${digits[@]}")"   # start runs its words as one shell line
wait_for 'epoch (2[0-9][0-9])' 60
$T send-keys -t shot ' '
sleep 0.5
shoot screenshot-digits
"$bin" run "${digits[@]}" --epochs 200 --format csv --report-every 200 --plot assets/digits-plot.svg >/dev/null
echo "wrote assets/digits-plot.svg"

start "$bin" lesson 2
wait_for 'lesson 2/[0-9]+ · step 1/' 20
sleep 1
$T send-keys -t shot b
sleep 4
shoot screenshot-lesson

"$bin" run --epochs 400 --format csv --report-every 400 --plot assets/run-plot.svg >/dev/null
echo "wrote assets/run-plot.svg"

start "$bin" lens
wait_for 'L1\+L2: w2 landed' 20
sleep 15   # every trajectory played out
shoot screenshot-lens
"$bin" lens --plot assets/lens.svg
"$bin" lens --correlation 0.8 --lambda 2 --plot assets/lens-correlated.svg
echo "wrote assets/lens.svg assets/lens-correlated.svg"
