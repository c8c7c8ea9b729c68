#!/usr/bin/env bash
# Drives the real rolepath window with xdotool, as a person would: opens the questionnaire,
# clicks Start, answers by keyboard, takes a screenshot, then leaves with Esc and closes. Every
# step waits, with a deadline, for what it did to show: the window drawn, the questionnaire's
# session on disk after the click, one more answer on disk after each key, the intro back after Esc.
# Usage (inside an X display): drive_fit.sh ROLEPATH DB SCREENSHOT.png KEYS...
set -euo pipefail
binary=$1 db=$2 shot=$3
shift 3
. "$(dirname "${BASH_SOURCE[0]}")/window_wait.sh"
"$binary" --db "$db" --screen fit &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
window=$(xdotool search --sync --onlyvisible --name '^RolePath$' | head -1)
screen=$(wait_screen_settled "")
xdotool mousemove --window "$window" 380 210 click 1   # "Start the questionnaire"
wait_sql "$db" "SELECT count(*) FROM study_session WHERE kind = 'fit'" 1
answers=0
for key in "$@"; do
  xdotool key "$key"
  answers=$((answers + 1))
  wait_sql "$db" "SELECT count(*) FROM answer" "$answers"
done
screen=$(wait_screen_settled "$screen")
import -window root "$shot"
xdotool key Escape   # save and leave
wait_screen_settled "$screen" >/dev/null
kill "$pid"
wait "$pid" || true
