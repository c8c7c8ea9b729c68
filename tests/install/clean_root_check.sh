#!/usr/bin/env bash
# Installs RolePath's Debian package in a clean Debian 12 (bookworm) root and runs it there, as
# a learner on a fresh system would:
#   1. the .deb: built with `cpack -G DEB` in BUILD_DIR, or the PACKAGE.deb given (then the
#      work folder below is the repository's build/);
#   2. a minbase root made by debootstrap from the Debian mirror this machine's apt uses (the
#      finished root is cached as a tarball in BUILD_DIR/clean-root/, never in $HOME; delete it
#      to start from a fresh one);
#   3. `apt-get install -y ./rolepath_*.deb` in that root (Depends and Recommends from the mirror);
#   4. `rolepath --version` and `rolepath report` from /, then xvfb and xauth installed for this
#      step only and a screenshot under xvfb-run, checked to be a drawn 1280x800 PNG.
# Prints each step's time. Exits 0 with "SKIP: <reason>" when it cannot run here (not root, no
# debootstrap, no mirror), non-zero when the package fails to build, install or run.
# Usage: tests/install/clean_root_check.sh [BUILD_DIR | PACKAGE.deb]   (default BUILD_DIR: build)
#   ROLEPATH_DEBIAN_MIRROR=http://... overrides the mirror.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { echo "clean_root_check: $*"; }
skip() { say "SKIP: $*"; exit 0; }
fail() { echo "clean_root_check: FAIL: $*" >&2; exit 1; }
started=$(date +%s)
step_started=$started
timed() {  # prints how long the step just finished took
  local now
  now=$(date +%s)
  say "$1 ($((now - step_started)) s)"
  step_started=$now
}

arg=${1:-$repo/build}
if [[ $arg == *.deb ]]; then
  deb=$(realpath "$arg")
  [ -f "$deb" ] || fail "no package at $arg"
  work=$repo/build/clean-root  # the default build folder holds the work and the cached root
else
  build=$(realpath "$arg")
  [ -f "$build/CPackConfig.cmake" ] || fail "$arg is not a configured build folder (cmake -S . -B build)"
  work=$build/clean-root
fi

[ "$(id -u)" = 0 ] || skip "needs root for debootstrap, mount and chroot"
command -v debootstrap >/dev/null || skip "debootstrap is missing (apt-get install debootstrap)"
command -v unshare >/dev/null || skip "unshare (util-linux) is missing"
command -v dpkg-deb >/dev/null || skip "dpkg-deb is missing: this is not a Debian system"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || skip "no Debian archive keyring at $keyring (apt-get install debian-archive-keyring)"

# The mirror apt uses for bookworm here, from either sources format (one-line or deb822), and
# the security archive's, for a root set up like a fresh Debian 12 install.
sources() {
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
    awk '$1 == "deb" { line = $0; sub(/\[[^]]*\][ \t]*/, "", line); split(line, f, /[ \t]+/); print f[2], f[3] }'
  { cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } |
    awk 'BEGIN { RS = ""; FS = "\n" }
         { uris = ""; suites = ""; deb = 1
           for (i = 1; i <= NF; i++) {
             if ($i ~ /^Types:/ && $i !~ /[ \t]deb([ \t]|$)/) deb = 0
             if ($i ~ /^Enabled:[ \t]*no/) deb = 0
             if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris) }
             if ($i ~ /^Suites:/) { suites = $i; sub(/^Suites:[ \t]*/, "", suites) }
           }
           if (!deb) next
           n = split(uris, u, /[ \t]+/); m = split(suites, s, /[ \t]+/)
           for (a = 1; a <= n; a++) for (b = 1; b <= m; b++) print u[a], s[b] }'
}
mirror=${ROLEPATH_DEBIAN_MIRROR:-$(sources | awk '$2 == "bookworm" && !done { print $1; done = 1 }')}
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}
security=$(sources | awk '$2 == "bookworm-security" && !done { print $1; done = 1 }')
security=${security:-http://deb.debian.org/debian-security}
security=${security%/}
if command -v wget >/dev/null; then
  wget -q -T 20 -t 2 -O /dev/null "$mirror/dists/bookworm/Release" || skip "the mirror $mirror does not answer"
elif command -v curl >/dev/null; then
  curl -fsS -m 20 -o /dev/null "$mirror/dists/bookworm/Release" || skip "the mirror $mirror does not answer"
fi
say "mirror $mirror, security $security"

mkdir -p "$work"
rm -f "$work"/{cpack,debootstrap,install,xvfb}.log "$work/report.txt" "$work/home.png"  # an earlier run's
if [ -z "${deb:-}" ]; then
  rm -rf "$work/deb"
  cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1 ||
    { tail -n 30 "$work/cpack.log" >&2; fail "cpack -G DEB failed (log: $work/cpack.log)"; }
  deb=$(ls "$work"/deb/rolepath_*.deb)
  timed "built $(basename "$deb")"
fi
say "Depends: $(dpkg-deb --field "$deb" Depends)"
say "Recommends: $(dpkg-deb --field "$deb" Recommends)"
say "Installed-Size: $(dpkg-deb --field "$deb" Installed-Size) KiB"

arch=$(dpkg --print-architecture)
tarball="$work/bookworm-minbase-$arch.tar.gz"
root="$work/root"
# A root left by an earlier run that was killed: nothing is mounted in it (mounts live in the
# private namespace below), so --one-file-system removes only its own files.
rm -rf --one-file-system "$root"
trap 'rm -rf --one-file-system "$root"' EXIT
mkdir -p "$root"
if [ -f "$tarball" ]; then
  tar --numeric-owner -xzf "$tarball" -C "$root"
  timed "unpacked the cached root $tarball (made $(date -r "$tarball" +%F))"
else
  debootstrap --variant=minbase --arch="$arch" --keyring="$keyring" bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 30 "$work/debootstrap.log" >&2; skip "debootstrap from $mirror failed (log: $work/debootstrap.log)"; }
  rm -f "$root"/var/cache/apt/archives/*.deb  # the packages debootstrap fetched, already installed
  tar --numeric-owner -czf "$tarball.part" -C "$root" . && mv "$tarball.part" "$tarball"
  timed "made a minbase root with debootstrap and cached it as $tarball"
fi

cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$deb" "$root/tmp/"
chmod 0644 "$root/tmp/$(basename "$deb")"

# Everything inside the root runs in a mount namespace of its own: its /proc, /sys and /dev mounts
# disappear with it, whatever happens. Its mounts are made private so that they never show on the
# host; where that cannot be done because / is not a mount point (this script itself runs in a
# chroot, such as a fresh root made with debootstrap: unshare then says "cannot change root
# filesystem propagation"), the namespace keeps the propagation it has and each command unmounts
# its mounts itself when it ends.
if unshare --mount --propagation private -- true 2>/dev/null; then
  propagation=private
else
  propagation=unchanged
  say "/ is not a mount point here (a chroot?): the root's mounts are unmounted after each command instead of made private"
fi
in_root() {
  unshare --mount --propagation "$propagation" -- bash -c '
    root=$1; shift
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    mount --rbind /dev "$root/dev"
    unmount() {  # lazily where a process the command left behind still holds a mount
      local m
      for m in dev sys proc; do umount -R "$root/$m" 2>/dev/null || umount -lR "$root/$m" 2>/dev/null || true; done
    }
    trap unmount EXIT
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root \
      DEBIAN_FRONTEND=noninteractive "$@"' in_root "$root" "$@"
}

in_root apt-get update -qq || fail "apt-get update failed in the root"
timed "apt-get update"
in_root bash -c "cd /tmp && apt-get install -y -q ./$(basename "$deb")" >"$work/install.log" 2>&1 ||
  { tail -n 30 "$work/install.log" >&2; fail "apt-get install ./$(basename "$deb") failed (log: $work/install.log)"; }
timed "apt-get install -y ./$(basename "$deb") ($(grep -m1 -oE '[0-9]+ newly installed' "$work/install.log" || echo '?'))"

# As a learner would run it: from /, with a home of its own.
learner='cd / && export HOME=/tmp/learner XDG_DATA_HOME=/tmp/learner/data XDG_CONFIG_HOME=/tmp/learner/config
         XDG_STATE_HOME=/tmp/learner/state XDG_CACHE_HOME=/tmp/learner/cache && mkdir -p $HOME &&'
version=$(in_root bash -c "$learner rolepath --version") || fail "rolepath --version failed in the root"
[ "$version" = "rolepath $(dpkg-deb --field "$deb" Version)" ] || fail "rolepath --version printed '$version'"
in_root bash -c "$learner rolepath --db /tmp/learner/learner.db report" >"$work/report.txt" ||
  fail "rolepath report failed in the root"
timed "$version; rolepath report printed $(wc -l <"$work/report.txt") lines"

in_root apt-get install -y -q --no-install-recommends xvfb xauth >"$work/xvfb.log" 2>&1 ||
  { tail -n 30 "$work/xvfb.log" >&2; fail "could not install xvfb and xauth in the root"; }
timed "installed xvfb and xauth for the screenshot"
in_root bash -c "$learner xvfb-run -a -s '-screen 0 1280x800x24' rolepath --db /tmp/learner/learner.db --screenshot /tmp/learner/home.png" ||
  fail "the screenshot run failed in the root"
shot="$work/home.png"
cp "$root/tmp/learner/home.png" "$shot" || fail "no screenshot was written"
read -r width height < <(od -An -tu1 -j16 -N8 "$shot" | awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
size=$(stat -c %s "$shot")
[ "${width}x$height" = 1280x800 ] || fail "the screenshot is ${width}x$height, not 1280x800"
# A drawn Home screen compresses to well over 50 KB; a blank window to a few hundred bytes.
[ "$size" -gt 50000 ] || fail "the screenshot is only $size bytes: nothing was drawn"
if command -v identify >/dev/null; then
  colours=$(identify -format '%k' "$shot")
  [ "$colours" -ge 64 ] || fail "the screenshot has only $colours colours: nothing was drawn"
fi
timed "screenshot ${width}x$height, $size bytes${colours:+, $colours colours}: $shot"
say "passed in $(($(date +%s) - started)) s"
