#!/usr/bin/env bash
# Runs a command on a private virtual display (its own Xvfb, on a free display number) and exits
# with the command's status. Used instead of xvfb-run, whose clean-up can fail on its own and
# replace the command's status with its own.
set -u
fdfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fdfile" 2>/dev/null &
xvfb=$!
for _ in $(seq 1 200); do
  [ -s "$fdfile" ] && break
  sleep 0.05
done
display=$(head -n 1 "$fdfile")
rm -f "$fdfile"
if [ -z "$display" ]; then
  echo "with_display: Xvfb did not start" >&2
  kill "$xvfb" 2>/dev/null
  exit 70
fi
DISPLAY=":$display" "$@"
status=$?
kill "$xvfb" 2>/dev/null
wait "$xvfb" 2>/dev/null
exit "$status"
