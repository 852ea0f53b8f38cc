#!/usr/bin/env bash
# Runs a command inside a throwaway desktop for tests: an Xvfb display, a D-Bus
# session bus and the dunst notification daemon, all started here and stopped
# when the command ends. Usage: scripts/with-desktop.sh COMMAND [ARGS...]
set -euo pipefail

for tool in Xvfb dbus-daemon dunst; do
  command -v "$tool" >/dev/null || { echo "with-desktop: $tool is missing; run scripts/install-deps.sh test" >&2; exit 1; }
done

workdir=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT

# A free display number.
disp=99
while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 1280x800x24 -nolisten tcp >"$workdir/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=":$disp"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$disp" ] && break; sleep 0.1; done

dbus-daemon --session --nofork --print-address=3 3>"$workdir/bus" >"$workdir/dbus.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -s "$workdir/bus" ] && break; sleep 0.1; done
DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$workdir/bus")
export DBUS_SESSION_BUS_ADDRESS

# dunst answers org.freedesktop.Notifications on this bus.
mkdir -p "$workdir/dunst"
XDG_CONFIG_HOME="$workdir" dunst >"$workdir/dunst.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.Notifications 2>/dev/null | grep -q true && break
  sleep 0.1
done
export HUNCH_TEST_DESKTOP=1

"$@"
