#!/usr/bin/env bash
# Taps Ctrl+1..Ctrl+6 in the real window with xdotool (press and release at once, faster than a
# frame) and takes a screenshot after each, once the screen has changed and settled (a bounded
# wait: a tap the window missed fails here, named).
# Usage (inside an X display): drive_shortcuts.sh ROLEPATH DB OUT_DIR
set -euo pipefail
binary=$1 db=$2 out=$3
. "$(dirname "${BASH_SOURCE[0]}")/window_wait.sh"
"$binary" --db "$db" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
xdotool search --sync --onlyvisible --name '^RolePath$' >/dev/null
screen=$(wait_screen_settled "")
for n in 2 3 4 5 6 1; do
  xdotool key "ctrl+$n"
  screen=$(wait_screen_settled "$screen") || { echo "ctrl+$n changed nothing on the screen" >&2; exit 1; }
  import -window root "$out/screen-$n.png"
done
