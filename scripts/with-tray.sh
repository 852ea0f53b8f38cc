#!/usr/bin/env bash
# Runs a command with a system tray up: xfce4-panel with its status tray
# (scripts/tray-panel.xml), started on the current display and session bus
# (run it inside scripts/with-desktop.sh) and stopped when the command ends.
# Usage: scripts/with-tray.sh COMMAND [ARGS...]
set -euo pipefail
command -v xfce4-panel >/dev/null || { echo "with-tray: xfce4-panel is missing; run scripts/install-deps.sh test" >&2; exit 1; }
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "with-tray: no session bus; run it inside scripts/with-desktop.sh" >&2; exit 1; }

conf=$(mktemp -d)
panel=
cleanup() {
  [ -n "$panel" ] && { xfce4-panel --quit 2>/dev/null || true; kill "$panel" 2>/dev/null || true; wait "$panel" 2>/dev/null || true; }
  rm -rf "$conf"
}
trap cleanup EXIT
mkdir -p "$conf/xfce4/xfconf/xfce-perchannel-xml"
cp "$(dirname "$0")/tray-panel.xml" "$conf/xfce4/xfconf/xfce-perchannel-xml/xfce4-panel.xml"
# xfconfd, which serves the panel its settings, is started by the bus.
dbus-update-activation-environment XDG_CONFIG_HOME="$conf"
XDG_CONFIG_HOME="$conf" xfce4-panel --disable-wm-check >"$conf/panel.log" 2>&1 &
panel=$!
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.kde.StatusNotifierWatcher 2>/dev/null | grep -q true && break
  sleep 0.1
done

"$@"
