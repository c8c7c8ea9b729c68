#!/usr/bin/env bash
# Drives the real rolepath window with xdotool, as a person would: opens the questionnaire,
# clicks Start, answers by keyboard, takes a screenshot, then leaves with Esc and closes.
# Usage (inside an X display): drive_fit.sh ROLEPATH DB SCREENSHOT.png KEYS...
set -euo pipefail
binary=$1 db=$2 shot=$3
shift 3
"$binary" --db "$db" --screen fit &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
window=$(xdotool search --sync --name '^RolePath$' | head -1)
sleep 0.5
xdotool mousemove --window "$window" 380 210 click 1   # "Start the questionnaire"
sleep 0.4
for key in "$@"; do
  xdotool key "$key"
  sleep 0.2
done
import -window root "$shot"
xdotool key Escape   # save and leave
sleep 0.3
kill "$pid"
wait "$pid" || true
