#!/usr/bin/env bash
# Fetches a Linux kernel and its media driver modules for vision/v4l2's test,
# which boots it under qemu with the vivid test camera driver: a real V4L2
# device on a machine without a camera. Nothing is installed: Debian's kernel
# package is downloaded and only its vmlinuz and drivers/media modules are
# unpacked, into ${XDG_CACHE_HOME:-~/.cache}/hunch/test-kernel (or
# $HUNCH_TEST_KERNEL). Run by 'make deps-test'; does nothing when present.
set -euo pipefail
dir=${HUNCH_TEST_KERNEL:-${XDG_CACHE_HOME:-$HOME/.cache}/hunch/test-kernel}
[ -f "$dir/vmlinuz" ] && [ -f "$dir/modules/vivid.ko" ] && exit 0

kernel_package() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}'; }
pkg=$(kernel_package)
if [ -z "$pkg" ] && [ "$(id -u)" -eq 0 ]; then
  apt-get update -q >/dev/null 2>&1 || true
  pkg=$(kernel_package)
fi
if [ -z "$pkg" ]; then
  echo "fetch-test-kernel: apt knows no linux-image-amd64; run 'apt-get update' (as root) and try again" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && apt-get download -q "$pkg" >"$tmp/log" 2>&1); then
  echo "fetch-test-kernel: could not download $pkg; see:" >&2
  cat "$tmp/log" >&2
  exit 1
fi
mkdir -p "$tmp/root"
dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp/root" --wildcards './boot/vmlinuz-*' './lib/modules/*/kernel/drivers/media/*'
mkdir -p "$tmp/kernel/modules"
cp "$tmp"/root/boot/vmlinuz-* "$tmp/kernel/vmlinuz"
find "$tmp/root/lib/modules" -name '*.ko' -exec cp {} "$tmp/kernel/modules/" \;
[ -f "$tmp/kernel/modules/vivid.ko" ] || { echo "fetch-test-kernel: $pkg has no vivid module" >&2; exit 1; }
mkdir -p "$(dirname "$dir")"
rm -rf "$dir"
mv "$tmp/kernel" "$dir"
echo "fetch-test-kernel: $pkg's kernel and media modules in $dir"
