#!/usr/bin/env bash
# The man page (packaging/rolepath.1) in step with the program:
#   - every option `rolepath --help` prints is an entry under OPTIONS, every subcommand has a
#     section of its own under COMMANDS (.SS "rolepath NAME ..."), and every option of a
#     subcommand's --help is an entry in that section;
#   - every option and subcommand the page names exists;
#   - every environment variable the program reads (getenv in src/, but for the benchmark and
#     the test-only fault injection) is an entry under ENVIRONMENT;
#   - every exit status main.cpp names is an entry under EXIT STATUS;
#   - the version in its title is the program's;
#   - groff formats it without a warning.
# Usage: man_page_test.sh ROLEPATH_BINARY MAN_PAGE SOURCE_DIR
set -euo pipefail
binary=$1 page=$2 source=$3
failed=0
problem() { echo "man_page_test: $*" >&2; failed=1; }

# The page as text to search: roff's escaped hyphens and font changes undone.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' "$page")
# One section of the page: from its .SH (or .SS) heading to the next heading of that level or above.
section() { awk -v want="$1" '
  /^\.SH / { inside = ($0 == ".SH " want || $0 == ".SH \"" want "\"") ; next }
  inside { print }' <<<"$text"; }
command_section() { awk -v name="$1" '
  /^\.S[HS] / { split($0, w, /[ "]+/); inside = ($1 == ".SS" && w[2] == "rolepath" && w[3] == name); next }
  inside { print }' <<<"$text"; }
# The entries of a section: the line after each .TP, where a term is defined.
terms() { awk 'previous == ".TP" { print } { previous = $0 }'; }
# The options (-x, --xyz) in the first column of a CLI11 --help.
help_options() { sed -nE 's/^  (-[^ ]*).*/\1/p' | tr ',' '\n' | grep -E '^-' | sort -u; }
mentions() { grep -qE -- "(^|[^a-zA-Z0-9-])$1([^a-zA-Z0-9-]|$)"; }

help=$("$binary" --help)
subcommands=$(awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }' <<<"$help" | sort -u)
[ -n "$subcommands" ] || problem "no subcommands found in --help"
options=$(help_options <<<"$help")

for option in $options; do
  mentions "$option" <<<"$(section OPTIONS | terms)" || problem "--help's option $option is not under OPTIONS"
done
documented_commands=$(sed -nE 's/^\.SS "?rolepath ([a-z-]+).*/\1/p' <<<"$text" | sort -u)
for sub in $subcommands; do
  grep -qx "$sub" <<<"$documented_commands" || { problem "subcommand $sub has no section under COMMANDS"; continue; }
  for option in $("$binary" "$sub" --help | help_options); do
    case $option in -h | --help) continue ;; esac
    mentions "$option" <<<"$(command_section "$sub" | terms)" || problem "option $option of '$sub --help' is not in the section on $sub"
  done
  options+=$'\n'$("$binary" "$sub" --help | help_options)
done
for sub in $documented_commands; do
  grep -qx "$sub" <<<"$subcommands" || problem "the page documents a subcommand $sub that --help does not list"
done
for option in $(grep -oE -- '(^|[^a-zA-Z0-9-])--[a-z][a-z0-9-]*' <<<"$text" | sed 's/^[^-]*//' | sort -u); do
  grep -qx -- "$option" <<<"$options" || problem "the page names an option $option that no --help lists"
done

# Environment variables read by the program itself.
environment=$(section ENVIRONMENT | terms)
for variable in $(grep -rhoE 'getenv\("[A-Z_]+"\)' "$source/src" --include='*.cpp' --include='*.hpp' --exclude-dir=bench |
                  sed -E 's/getenv\("([A-Z_]+)"\)/\1/' | sort -u); do
  [ "$variable" = ROLEPATH_TEST_FAILPOINT ] && continue  # fault injection for the tests, not for users
  mentions "$variable" <<<"$environment" || problem "src/ reads $variable but ENVIRONMENT does not describe it"
done

exit_statuses=$(section "EXIT STATUS" | terms)
for status in 0 $(sed -nE 's/.*constexpr int exit_[a-z_]+ = ([0-9]+);.*/\1/p' "$source/src/main.cpp"); do
  grep -qx "\.B $status" <<<"$exit_statuses" || problem "exit status $status is not under EXIT STATUS"
done

version=$("$binary" --version | awk '{ print $2 }')
grep -qE "^\.TH ROLEPATH 1 [0-9-]+ \"RolePath $version\"" "$page" || problem "the .TH line does not carry version $version"

if command -v groff >/dev/null; then
  warnings=$(groff -man -ww -z -K utf8 "$page" 2>&1)
  [ -z "$warnings" ] || problem "groff warns: $warnings"
else
  problem "groff is missing (Debian package groff-base, in third_party_cfg/packages.txt)"
fi

[ "$failed" = 0 ] || exit 1
echo "man_page_test: $(sort -u <<<"$options" | wc -w) options and $(wc -w <<<"$subcommands") subcommands of --help are in $page"
