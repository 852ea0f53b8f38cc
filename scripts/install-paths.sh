# Where scripts/install.sh puts Hunch and scripts/uninstall.sh looks for it;
# sourced by both. PREFIX defaults to ~/.local; the entry and icons go into
# $XDG_DATA_HOME when it is set to an absolute path, else into $PREFIX/share.
prefix=${PREFIX:-$HOME/.local}
datadir=$prefix/share
case "${XDG_DATA_HOME:-}" in /*) datadir=$XDG_DATA_HOME ;; esac
bindir=$prefix/bin
appdir=$datadir/applications
icondir=$datadir/icons/hicolor
