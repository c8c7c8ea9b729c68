#!/usr/bin/env bash
# `cmake --install` into a fresh prefix under the build folder puts exactly the files a desktop
# app needs (README, "Install"), each where the freedesktop.org specifications look for it.
# Usage: install_tree_test.sh BUILD_DIR PREFIX APP_ID VERSION
set -euo pipefail
build=$1 prefix=$2 id=$3 version=$4
fail() { echo "install_tree_test: $*" >&2; exit 1; }

rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

expected=$(sort <<LIST
bin/rolepath
share/applications/$id.desktop
share/metainfo/$id.metainfo.xml
share/icons/hicolor/scalable/apps/$id.svg
share/icons/hicolor/48x48/apps/$id.png
share/icons/hicolor/128x128/apps/$id.png
share/icons/hicolor/256x256/apps/$id.png
share/man/man1/rolepath.1
LIST
)
actual=$(cd "$prefix" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort)
if [ "$actual" != "$expected" ]; then
  diff <(echo "$expected") <(echo "$actual") | sed 's/^/  /' >&2 || true
  fail "the install tree differs from the expected one (< expected, > installed)"
fi
[ -x "$prefix/bin/rolepath" ] || fail "bin/rolepath is not executable"

# Each PNG is the size of the folder it is in (width and height are bytes 16 to 23 of a PNG).
for size in 48 128 256; do
  png="$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png"
  read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
  [ "$w $h" = "$size $size" ] || fail "$png is ${w}x${h}, not ${size}x${size}"
done

# The desktop entry starts the installed program and names the installed icon; the metainfo
# names the desktop entry, was configured, and lists this version as a release.
desktop="$prefix/share/applications/$id.desktop"
metainfo="$prefix/share/metainfo/$id.metainfo.xml"
grep -qx "Exec=rolepath" "$desktop" || fail "$desktop: Exec is not 'rolepath'"
grep -qx "Icon=$id" "$desktop" || fail "$desktop: Icon is not '$id'"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "$metainfo: no launchable $id.desktop"
grep -q "<release version=\"$version\"" "$metainfo" || fail "$metainfo: no release $version (add it to packaging/$id.metainfo.xml.in)"
! grep -n "@[A-Z_]*@" "$metainfo" || fail "$metainfo: a placeholder was left unconfigured"
echo "install_tree_test: $(echo "$expected" | wc -l) files in place under $prefix"
