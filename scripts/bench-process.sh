#!/usr/bin/env bash
# Whole-process cost of Hunch, as issue 12 asks for it: CPU (user + system, as
# a share of one core over the wall time) and peak RSS, measured by
# /usr/bin/time -v, for the commands, for analyze on a 312 s 5 fps 640x480
# clip read in real time, and for the app watching the same clip for 150 s under
# a throwaway desktop: with its status window shown (no tray host; the row
# counts the desktop, Xvfb, D-Bus and dunst, with the app), and in a real tray
# (xfce4-panel) with its window closed (the row counts Hunch alone), and the
# floors under those rows: a Fyne window and a Fyne tray icon doing nothing
# (gui/idletray); then
# the app in the tray on a camera, and analyze watching a real V4L2 camera
# in a qemu guest, each in the camera-only build and in the whole one. Usage:
#   scripts/bench-process.sh [BINARY]     (default bin/hunch; make bench-process builds it)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin/hunch}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clip=$work/clip.avi
(cd "$root" && go run ./scripts/benchclip "$clip" 312)
# Built without Fyne's emoji font, as Hunch is (scripts/build-watch.sh).
(cd "$root" && go build -tags no_emoji -o "$work/idletray" ./gui/idletray)
(cd "$root" && CGO_ENABLED=0 go build -o "$work/guestbench" ./scripts/guestbench)
# The guest's kernel, where make deps-test put it (found before HOME moves).
export HUNCH_TEST_KERNEL=${HUNCH_TEST_KERNEL:-${XDG_CACHE_HOME:-$HOME/.cache}/hunch/test-kernel}

# A fresh user's folders, so that no history or settings of the machine's
# user count (set after the clip and the reference are built: go keeps the
# real module cache).
export HOME=$work/home XDG_CONFIG_HOME=$work/home/config XDG_DATA_HOME=$work/home/data XDG_CACHE_HOME=$work/home/cache
mkdir -p "$HOME"

# measure NAME CMD...: one row of the table from /usr/bin/time -v.
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" >"$work/out" 2>"$work/time" || true
  report "$name" "$work/time"
}

# report NAME FILE: one row of the table from /usr/bin/time -v's output in FILE.
report() {
  awk -v name="$1" -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {rss = $2}
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    END { printf "| %-44s | %7.2f s | %6.1f%% | %5.0f MB |\n", name, wall, 100 * (u + s) / (wall > 0 ? wall : 1), rss / 1024 }' "$2"
}

# A day of history for report to read: the clip, analysed and recorded.
"$bin" analyze --input "$clip" --fps 2 --record --data-dir "$work/data" >/dev/null 2>&1

echo "| what | wall | CPU of one core | peak RSS |"
echo "| --- | --- | --- | --- |"
measure "hunch --help" "$bin" --help
measure "hunch report --date today" "$bin" report --date today --data-dir "$work/data"
measure "hunch doctor" "$bin" doctor
measure "hunch doctor --models (in hunch-camera)" "$bin" doctor --models
measure "hunch analyze --realtime --fps 2 (312 s clip)" "$bin" analyze --input "$clip" --realtime --fps 2
# Both app rows watch with a profile made on the clip's upright start, as a
# calibrated user's app does all day.
"$bin" calibrate --input "$clip" --out "$work/profile.json" >/dev/null 2>&1
measure "the app on the clip, 150 s, status window" timeout -s INT 150 "$root/scripts/with-desktop.sh" \
  "$bin" --input "$clip" --profile "$work/profile.json" --data-dir "$work/app-data"
# The same, Hunch alone (/usr/bin/time inside the desktop), and the floor
# under it: a Fyne window of the status window's size doing nothing.
timeout -s INT 160 "$root/scripts/with-desktop.sh" \
  /usr/bin/time -v -o "$work/window-time" timeout -s INT 150 "$bin" --input "$clip" --profile "$work/profile.json" --data-dir "$work/window-data" >/dev/null 2>&1 || true
report "the app on the clip, 150 s, status window, alone" "$work/window-time"
timeout -s INT 160 "$root/scripts/with-desktop.sh" \
  /usr/bin/time -v -o "$work/idle-window-time" "$work/idletray" --window 150 >/dev/null 2>&1 || true
report "reference: a Fyne window doing nothing, 150 s" "$work/idle-window-time"
# Hunch alone: /usr/bin/time inside the desktop, the tray up first.
timeout -s INT 160 "$root/scripts/with-desktop.sh" "$root/scripts/with-tray.sh" \
  /usr/bin/time -v -o "$work/tray-time" timeout -s INT 150 "$bin" --input "$clip" --profile "$work/profile.json" --data-dir "$work/tray-data" >/dev/null 2>&1 || true
report "the app in the tray, window closed, 150 s" "$work/tray-time"
# The floor under that row, in the same run: a Fyne app with a tray icon and
# nothing else (gui/idletray, built above).
timeout -s INT 160 "$root/scripts/with-desktop.sh" "$root/scripts/with-tray.sh" \
  /usr/bin/time -v -o "$work/idle-time" "$work/idletray" 150 >/dev/null 2>&1 || true
report "reference: a Fyne tray icon doing nothing, 150 s" "$work/idle-time"
# The app in the tray watching for camera 0 (none on a machine without one,
# which waits for it), in each build, back to back: hunch-camera, which the
# front runs for a camera, then hunch-watch, which ran it before.
for b in hunch-camera hunch-watch; do
  timeout -s INT 160 "$root/scripts/with-desktop.sh" "$root/scripts/with-tray.sh" \
    /usr/bin/time -v -o "$work/$b-time" timeout -s INT 150 "$(dirname "$bin")/$b" app --camera 0 --data-dir "$work/$b-data" >/dev/null 2>&1 || true
  report "the app in the tray on camera 0, 150 s: $b" "$work/$b-time"
done
# The same two watching a real V4L2 camera: vivid's test pattern (no face)
# in a throwaway kernel under qemu, 60 s each (scripts/guestbench). The
# guest is emulated: its CPU figures compare these two rows only.
"$work/guestbench" 60 "$work/profile.json" "$(dirname "$bin")/hunch-camera" "$(dirname "$bin")/hunch-watch" 2>"$work/guest-said" ||
  { cat "$work/guest-said" >&2; exit 1; }
