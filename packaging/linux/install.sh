#!/bin/sh
# Installs chitieu for the current user from this folder (an unpacked release tarball):
# the program in ~/.local/bin, the menu entry in ~/.local/share/applications and the icons in
# ~/.local/share/icons/hicolor. `./install.sh --uninstall` removes them again.
# Nothing needs root; set PREFIX=/usr/local (as root) to install for everyone.
set -eu
cd "$(dirname "$0")"
prefix=${PREFIX:-$HOME/.local}
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$prefix/bin/chitieu" "$prefix/share/applications/chitieu.desktop" \
    "$prefix/share/icons/hicolor/scalable/apps/chitieu.svg"
  for size in $sizes; do
    rm -f "$prefix/share/icons/hicolor/${size}x${size}/apps/chitieu.png"
  done
  echo "chitieu removed from $prefix"
  exit 0
fi

install -D -m 755 chitieu "$prefix/bin/chitieu"
install -D -m 644 chitieu.desktop "$prefix/share/applications/chitieu.desktop"
install -D -m 644 icons/chitieu.svg "$prefix/share/icons/hicolor/scalable/apps/chitieu.svg"
for size in $sizes; do
  install -D -m 644 "icons/chitieu-$size.png" \
    "$prefix/share/icons/hicolor/${size}x${size}/apps/chitieu.png"
done
# Menus and icon caches pick the new files up; both tools are optional.
command -v update-desktop-database >/dev/null 2>&1 &&
  update-desktop-database "$prefix/share/applications" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 &&
  gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
echo "chitieu installed in $prefix (run: chitieu, or find it in the applications menu)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not in PATH; add it, or start $prefix/bin/chitieu" ;;
esac
