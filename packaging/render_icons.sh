#!/usr/bin/env bash
# Renders the app icon's PNG sizes from its hand-written SVG. The PNGs are committed, so building
# or installing RolePath never needs this script or its tool; run it after editing the SVG:
#   bash packaging/render_icons.sh        (needs rsvg-convert: apt-get install librsvg2-bin)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
id=io.github.rolepath.RolePath
if ! command -v rsvg-convert >/dev/null; then
  echo "render_icons: rsvg-convert is missing; install the Debian package librsvg2-bin" >&2
  exit 1
fi
for size in 48 128 256; do
  mkdir -p "$here/icons/${size}x${size}"
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$here/icons/$id.svg" \
    --output "$here/icons/${size}x${size}/$id.png"
  echo "render_icons: icons/${size}x${size}/$id.png"
done
