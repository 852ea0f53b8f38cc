// Package packaging holds what 'make install' puts into the user's desktop
// beside the binary: the .desktop entry (a template, Exec filled in at
// install time) and the application icon at the sizes of the hicolor theme,
// drawn from the app's own icon. scripts/install.sh installs them and
// scripts/uninstall.sh removes them; the tests here run both.
package packaging
