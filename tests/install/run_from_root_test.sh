#!/usr/bin/env bash
# The installed rolepath runs from any folder: from / it prints its version, reports on a new
# database, and renders a screenshot in a real window on a private virtual display. HOME and
# every XDG folder point into WORK_DIR, so nothing reaches the real home.
# Usage: run_from_root_test.sh PREFIX WORK_DIR SOURCE_DIR VERSION
set -euo pipefail
prefix=$1 work=$2 source=$3 version=$4
fail() { echo "run_from_root_test: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"/{home,data,config,state,cache}
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
       XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
rolepath="$prefix/bin/rolepath"
cd /

out=$("$rolepath" --version) || fail "--version exited $?"
[ "$out" = "rolepath $version" ] || fail "--version printed '$out', not 'rolepath $version'"

out=$("$rolepath" --db "$work/learner.db" report) || fail "report exited $?"
grep -q . <<<"$out" || fail "report printed nothing"
[ -f "$work/learner.db" ] || fail "report made no database at $work/learner.db"
json=$("$rolepath" --db "$work/learner.db" report --json) || fail "report --json exited $?"
[ "${json:0:1}" = "{" ] || fail "report --json printed no JSON object"

# Mesa's software GL leaves allocations at exit that a sanitized build's leak check cannot
# attribute (tests/support/rolepath_binary.hpp); the window itself is what is checked here.
ASAN_OPTIONS=detect_leaks=0 bash "$source/tests/e2e/with_display.sh" \
  "$rolepath" --db "$work/learner.db" --screenshot "$work/home.png" || fail "the screenshot run exited $?"
[ -s "$work/home.png" ] || fail "no screenshot at $work/home.png"
read -r width height colours < <(identify -format '%w %h %k\n' "$work/home.png")
[ "${width}x$height" = 1280x800 ] || fail "the screenshot is ${width}x$height, not 1280x800"
# A drawn screen (text, cards, buttons in anti-aliased shades) has hundreds of colours; a blank
# or unrendered window has one or two.
[ "$colours" -ge 64 ] || fail "the screenshot has only $colours colours: nothing was drawn"
echo "run_from_root_test: --version, report and a ${width}x$height screenshot ($colours colours) from /"
