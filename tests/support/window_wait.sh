# Bounded waits for the real-window drivers (sourced by drive_fit.sh and drive_shortcuts.sh): each
# step waits for its effect to show — rows on disk, or the screen changing and settling — and
# fails with a message after a deadline, instead of sleeping a fixed time and hoping.

# wait_deadline_s: how long any one wait may take.
wait_deadline_s=${WAIT_DEADLINE_S:-20}

# A fingerprint of what the screen shows now.
screen_hash() { import -window root rgb:- 2>/dev/null | md5sum | cut -d' ' -f1; }

# Waits until the screen differs from fingerprint $1 (any screen when empty) and then holds still
# for two captures in a row, so a frame in progress is never taken; prints the settled fingerprint.
wait_screen_settled() {
  local before=$1 previous="" now
  local deadline=$((SECONDS + wait_deadline_s))
  while ((SECONDS < deadline)); do
    now=$(screen_hash)
    if [ "$now" != "$before" ] && [ "$now" = "$previous" ]; then
      echo "$now"
      return 0
    fi
    previous=$now
    sleep 0.1
  done
  echo "the screen did not change and settle within ${wait_deadline_s} s" >&2
  return 1
}

# Waits until SQL query $2 on database $1 prints $3 (the database may not exist yet, or be busy).
wait_sql() {
  local db=$1 query=$2 want=$3 got=""
  local deadline=$((SECONDS + wait_deadline_s))
  while ((SECONDS < deadline)); do
    got=$(sqlite3 -cmd '.timeout 1000' "file:$db?mode=ro" "$query" 2>/dev/null || true)
    [ "$got" = "$want" ] && return 0
    sleep 0.05
  done
  echo "'$query' on $db printed '$got', not '$want', within ${wait_deadline_s} s" >&2
  return 1
}
