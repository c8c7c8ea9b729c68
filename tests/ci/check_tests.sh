#!/usr/bin/env bash
# Static checks of the tests and of the layering, run by .ci/run after the test suite.
#
# 1. Both XDG folders or neither (fails). A test that points XDG_DATA_HOME at a temporary folder
#    but leaves XDG_CONFIG_HOME alone lets the app write imgui.ini into the real
#    ~/.config/rolepath, and the reverse lets it open the real database. In every test file and
#    test script under tests/ (*.cpp, *.hpp, *.h, *.sh) this counts the places that set each
#    variable, as a shell or env assignment (NAME=...) or as a quoted name handed to setenv or a
#    scoped setter ("NAME"), and fails when a file's two counts differ. The count is per file, not
#    per command line, because commands here are built across several source lines (string
#    concatenation, helpers such as in_home() or TempHome); in this repository every place that
#    sets one sets the other in the same expression, so equal counts hold, and one unpaired
#    setting anywhere in a file makes them differ. Mentions in prose (a test's name, a comment
#    without '=' or quotes) do not count. What a per-file count cannot see: one file that sets
#    XDG_DATA_HOME alone in one place and XDG_CONFIG_HOME alone in another.
# 2. The screens and the terminal commands never see the store (fails). A direct #include of a
#    store/ header from src/ui, src/terminal, src/platform or src/main.cpp fails, and so does one
#    reached through another layer's header: the layers in README.md's Architecture keep
#    src/ui/ and src/terminal/ away from the store, working through rp_app's store-free headers.
#    For every file in those two folders this follows its #include "..." lines through the
#    headers under src/, and names the chain to the first "store/..." header it reaches
#    (ui -> app/app.hpp -> store/...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

failed=0
data=XDG_DATA_HOME
config=XDG_CONFIG_HOME
# Setting forms of a variable: NAME= (shell, env) or "NAME" (a quoted name, as setenv takes it).
settings() { { grep -oE "(\b$1=|\"$1\")" "$2" || true; } | wc -l; }

while IFS= read -r -d '' file; do
  d=$(settings "$data" "$file")
  c=$(settings "$config" "$file")
  if [ "$d" != "$c" ]; then
    echo "check_tests: $file sets $data $d time(s) and $config $c time(s); set both or neither" >&2
    grep -nE "(\b($data|$config)=|\"($data|$config)\")" "$file" | sed 's/^/  /' >&2
    failed=1
  fi
done < <(find tests -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.sh' \) -print0 | sort -z)

# The quoted includes of a file, as paths under src/.
includes_of() { sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]+)".*/\1/p' "src/$1"; }

# The include chain from $1 (a path under src/) to the first store/ header it reaches, if any.
store_chain() {
  local -A chain=(["$1"]="$1")
  local -a queue=("$1")
  local file included
  while ((${#queue[@]})); do
    file=${queue[0]}
    queue=("${queue[@]:1}")
    while IFS= read -r included; do
      [ -n "${chain[$included]+seen}" ] && continue
      chain[$included]="${chain[$file]} -> $included"
      case $included in
        store/*) echo "${chain[$included]}"; return 0 ;;
      esac
      [ -f "src/$included" ] && queue+=("$included")
    done < <(includes_of "$file")
  done
}

# A direct include of a store header from the screens or the terminal commands always fails: the
# store is sealed behind app/data.hpp.
if direct=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"store/' src/ui src/terminal src/platform src/main.cpp); then
  echo "check_tests: these files include a store/ header directly; use app/data.hpp instead:" >&2
  printf '  %s\n' $direct >&2
  failed=1
fi

reaching_store=()
while IFS= read -r -d '' file; do
  chain=$(store_chain "${file#src/}")
  [ -n "$chain" ] && reaching_store+=("$chain")
done < <(find src/ui src/terminal -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.inl' \) -print0 | sort -z)
if ((${#reaching_store[@]})); then
  echo "check_tests: ${#reaching_store[@]} file(s) in src/ui/ and src/terminal/ reach store headers:" >&2
  printf '  %s\n' "${reaching_store[@]}" >&2
  failed=1
fi

if [ "$failed" != 0 ]; then
  echo "check_tests: failed" >&2
  exit 1
fi
echo "check_tests: every test file sets $data and $config together; no screen or terminal command reaches a store header"
