#!/usr/bin/env bash
# `cpack -G DEB` makes a Debian package of the install tree: named rolepath, in section
# education, its library dependencies computed by dpkg-shlibdeps plus the font package, the
# fonts for other scripts recommended, its files under /usr and its program stripped.
# Usage: deb_test.sh BUILD_DIR WORK_DIR APP_ID VERSION
set -euo pipefail
build=$1 work=$2 id=$3 version=$4
fail() { echo "deb_test: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
arch=$(dpkg --print-architecture)
deb="$work/rolepath_${version}_$arch.deb"
[ -f "$deb" ] || { ls "$work" >&2; fail "no $deb"; }

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = rolepath ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Section)" = education ] || fail "Section is '$(field Section)', not education"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends=$(field Depends)
# The package names of a relationship field, one a line.
names() { tr ',|' '\n\n' | awk '{ print $1 }'; }
# Computed from the program's libraries (libc6, libstdc++6 and libglfw3 are always among them),
# plus the fonts the window draws with.
for package in fonts-dejavu-core libc6 libstdc++6 libglfw3; do
  names <<<"$depends" | grep -qxF "$package" || fail "Depends lacks $package: $depends"
done
for package in fonts-noto-core fonts-noto-cjk fonts-symbola; do
  field Recommends | names | grep -qxF "$package" || fail "Recommends lacks $package: $(field Recommends)"
done

files=$(dpkg-deb --contents "$deb" | awk '{ print $NF }')
for file in usr/bin/rolepath usr/share/applications/$id.desktop usr/share/metainfo/$id.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/$id.svg usr/share/icons/hicolor/48x48/apps/$id.png \
            usr/share/icons/hicolor/128x128/apps/$id.png usr/share/icons/hicolor/256x256/apps/$id.png \
            usr/share/man/man1/rolepath.1; do
  grep -qx "\./$file" <<<"$files" || fail "the package lacks /$file"
done
dpkg-deb --extract "$deb" "$work/root"
! readelf --sections "$work/root/usr/bin/rolepath" | grep -q '\.debug_info' || fail "/usr/bin/rolepath is not stripped"
echo "deb_test: $(basename "$deb"): Installed-Size $(field Installed-Size) KiB"
echo "deb_test: Depends: $depends"
