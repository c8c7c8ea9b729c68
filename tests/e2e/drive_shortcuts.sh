#!/usr/bin/env bash
# Taps Ctrl+1..Ctrl+6 in the real window with xdotool (press and release at once, faster than a
# frame) and takes a screenshot after each. Usage (inside an X display): drive_shortcuts.sh ROLEPATH DB OUT_DIR
set -euo pipefail
binary=$1 db=$2 out=$3
"$binary" --db "$db" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
xdotool search --sync --name '^RolePath$' >/dev/null
sleep 0.5
for n in 2 3 4 5 6 1; do
  xdotool key "ctrl+$n"
  sleep 0.4
  import -window root "$out/screen-$n.png"
done
