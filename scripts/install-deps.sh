#!/usr/bin/env bash
# Installs the Debian packages Hunch needs, only those that are missing.
#   scripts/install-deps.sh run    what building and running the app needs
#   scripts/install-deps.sh test   that, plus what the tests need (Xvfb, D-Bus, a notification daemon)
set -euo pipefail

# libavcodec-dev and libswscale-dev: the headers vision/ffmpeg is compiled
# against (it opens the libraries themselves at run time).
build=(pkg-config gcc libopencv-dev opencv-data libgl1-mesa-dev xorg-dev libavcodec-dev libswscale-dev libavutil-dev)
test=(xvfb xauth dbus dbus-bin dbus-x11 dunst libnotify-bin imagemagick xdotool strace desktop-file-utils libglib2.0-bin xfce4-panel qemu-system-x86)

want=("${build[@]}")
[ "${1:-run}" = test ] && want+=("${test[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
  echo "install-deps: Go is not installed; install Go 1.22 or later (https://go.dev/doc/install) and run this again" >&2
  exit 1
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "install-deps: need root to install ${missing[*]}; run as root or install sudo" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q >/dev/null
if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/hunch-apt.log 2>&1; then
  echo "install-deps: apt-get could not install ${missing[*]}; see /tmp/hunch-apt.log" >&2
  exit 1
fi
