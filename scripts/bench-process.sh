#!/usr/bin/env bash
# Whole-process cost of Hunch, as issue 12 asks for it: CPU (user + system, as
# a share of one core over the wall time) and peak RSS, measured by
# /usr/bin/time -v, for the commands, for analyze on a 312 s 5 fps 640x480
# clip read in real time, and for the app on the same clip for 150 s under a
# throwaway desktop (status window shown; no tray host). Usage:
#   scripts/bench-process.sh [BINARY]     (default bin/hunch; make bench-process builds it)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin/hunch}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clip=$work/clip.avi
(cd "$root" && go run ./scripts/benchclip "$clip" 312)

# A fresh user's folders, so that no history or settings of the machine's
# user count (set after the clip: go run keeps the real module cache).
export HOME=$work/home XDG_CONFIG_HOME=$work/home/config XDG_DATA_HOME=$work/home/data XDG_CACHE_HOME=$work/home/cache
mkdir -p "$HOME"

# measure NAME CMD...: one row of the table from /usr/bin/time -v.
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" >"$work/out" 2>"$work/time" || true
  awk -v name="$name" -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {rss = $2}
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    END { printf "| %-44s | %7.2f s | %6.1f%% | %5.0f MB |\n", name, wall, 100 * (u + s) / (wall > 0 ? wall : 1), rss / 1024 }' "$work/time"
}

echo "| what | wall | CPU of one core | peak RSS |"
echo "| --- | --- | --- | --- |"
measure "hunch --help" "$bin" --help
measure "hunch report --date today" "$bin" report --date today --data-dir "$work/data"
measure "hunch doctor" "$bin" doctor
measure "hunch analyze --realtime --fps 2 (312 s clip)" "$bin" analyze --input "$clip" --realtime --fps 2
measure "the app on the clip, 150 s, status window" timeout -s INT 150 "$root/scripts/with-desktop.sh" "$bin" --input "$clip" --data-dir "$work/app-data"
