#!/usr/bin/env bash
# Installs Hunch for the current user, no root needed:
#   the binaries        $PREFIX/bin/hunch, hunch-camera, hunch-watch    (PREFIX defaults to ~/.local)
#   the menu entry      $DATA/applications/io.github.hunch_posture.hunch.desktop
#   the icons           $DATA/icons/hicolor/NxN/apps/io.github.hunch_posture.hunch.png
# where DATA is $XDG_DATA_HOME when set, else $PREFIX/share (~/.local/share).
# Usage: scripts/install.sh [BINARY]   (default bin/hunch, with hunch-camera and hunch-watch beside it;
#   'make install' builds them first)
# scripts/uninstall.sh removes exactly these files.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin/hunch}
id=io.github.hunch_posture.hunch
source "$root/scripts/install-paths.sh"

watch=$(dirname "$bin")/hunch-watch
camera=$(dirname "$bin")/hunch-camera
for b in "$bin" "$watch" "$camera"; do
  if [ ! -x "$b" ]; then
    echo "install: $b is missing or not executable; run 'make build' first (or 'make install')" >&2
    exit 1
  fi
done

# hunch-watch goes first, then hunch-camera, which hands it what it cannot
# read, then the front, which hands every command that watches to them.
install -d "$bindir" "$appdir"
put() { install -m 0755 "$1" "$bindir/$2.tmp" && mv "$bindir/$2.tmp" "$bindir/$2"; }
put "$watch" hunch-watch
put "$camera" hunch-camera
put "$bin" hunch
echo "installed $bindir/hunch, $bindir/hunch-camera and $bindir/hunch-watch"

# The entry runs the installed binary by its full path: the desktop session's
# PATH often lacks ~/.local/bin. Exec quotes it (it may hold spaces) with the
# Desktop Entry Specification's escapes: a quoted argument's (" ` $ \), then a
# string value's (\) and a field code's (%). A path with a % is started
# through env, as app/autostart.go's execArg does: GLib looks for the program
# before it undoes the %% and refuses the entry. TryExec is a plain string.
string_value() {
  local s=${1//\\/\\\\}
  s=${s//$'\n'/\\n}; s=${s//$'\t'/\\t}; s=${s//$'\r'/\\r}
  printf '%s' "$s"
}
exec_arg() {
  local q=${1//\\/\\\\}
  q=${q//\"/\\\"}; q=${q//\`/\\\`}; q=${q//\$/\\\$}
  q=$(string_value "\"$q\"")
  q=${q//%/%%}
  case $1 in *%*) q="env $q" ;; esac
  printf '%s' "$q"
}
template=$(<"$root/packaging/$id.desktop.in")
tryexec=$(string_value "$bindir/hunch")
execline=$(exec_arg "$bindir/hunch")
entry=${template//@TRYEXEC@/"$tryexec"}
entry=${entry//@EXEC@/"$execline"}
printf '%s\n' "$entry" >"$appdir/$id.desktop.tmp"
chmod 0644 "$appdir/$id.desktop.tmp"
mv "$appdir/$id.desktop.tmp" "$appdir/$id.desktop"
echo "installed $appdir/$id.desktop"

for png in "$root"/packaging/icons/*x*.png; do
  size=$(basename "$png" .png)
  install -d "$icondir/$size/apps"
  install -m 0644 "$png" "$icondir/$size/apps/$id.png"
done
touch "$icondir" # icon caches look at the theme folder's time
echo "installed the icon into $icondir/{$(cd "$root/packaging/icons" && ls *x*.png | sed 's/\.png$//' | sort -n | paste -sd, -)}/apps/"

case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "note: $bindir is not on your PATH; add it to run 'hunch' from a terminal (the menu entry works as is)" ;;
esac
