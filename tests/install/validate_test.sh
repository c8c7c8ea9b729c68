#!/usr/bin/env bash
# Runs a validator (desktop-file-validate, appstreamcli validate) and fails on anything it says,
# warnings and hints included, not only on its exit status.
# Usage: validate_test.sh COMMAND [ARGS...] FILE
set -uo pipefail
out=$("$@" 2>&1)
status=$?
printf '%s\n' "$out"
if [ "$status" -ne 0 ]; then
  echo "validate_test: $1 exited $status" >&2
  exit 1
fi
# appstreamcli's verdict line is the one thing a clean validation prints.
if grep -vE '^$|Validation was successful' <<<"$out" | grep -q .; then
  echo "validate_test: $1 has remarks on ${*: -1}" >&2
  exit 1
fi
