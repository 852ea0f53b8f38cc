#!/usr/bin/env bash
# Removes what scripts/install.sh installed, and nothing else: the binaries,
# the menu entry and the icons. Same PREFIX and XDG_DATA_HOME as the install.
# Your history, settings and profiles stay; 'hunch' never deletes them by itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
id=io.github.hunch_posture.hunch
source "$root/scripts/install-paths.sh"

files=("$bindir/hunch" "$bindir/hunch-camera" "$bindir/hunch-watch" "$appdir/$id.desktop")
for png in "$root"/packaging/icons/*x*.png; do
  files+=("$icondir/$(basename "$png" .png)/apps/$id.png")
done
for f in "${files[@]}"; do
  if [ -e "$f" ] || [ -L "$f" ]; then
    rm -f -- "$f"
    echo "removed $f"
  fi
done
