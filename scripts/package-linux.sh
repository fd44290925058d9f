#!/usr/bin/env bash
# Makes the Linux release tarball:
#   dist/chitieu-VERSION-linux-x86_64.tar.gz, holding chitieu-VERSION-linux-x86_64/ with
#   chitieu (the program), chitieu.desktop, icons/ (PNG 16-512 and SVG), install.sh,
#   README.md, LICENSE-MIT, LICENSE-APACHE and OFL-NotoSans.txt (the embedded font's licence).
# Builds with `cargo build --release` (CARGO_TARGET_DIR is respected). The program needs no
# libraries beyond glibc at build time; at run time it loads X11 or Wayland, OpenGL (Mesa) and,
# for the file dialog, an XDG desktop portal, as every desktop has them.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=${CARGO_TARGET_DIR:-target}
echo "== cargo build --release"
nice -n 10 cargo build --locked --release --bin chitieu
binary=$target_dir/release/chitieu

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
arch=$(uname -m)
name=chitieu-$version-linux-$arch
stage=dist/$name
rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/icons"
cp "$binary" "$stage/chitieu"
command -v strip >/dev/null && strip "$stage/chitieu"
cp packaging/linux/chitieu.desktop packaging/linux/install.sh "$stage/"
cp assets/icon/chitieu.svg assets/icon/chitieu-*.png "$stage/icons/"
cp README.md LICENSE-MIT LICENSE-APACHE "$stage/"
cp assets/fonts/OFL.txt "$stage/OFL-NotoSans.txt"
# Same owner and order for every file, so two builds of one version differ only by the program.
tar --sort=name --owner=0 --group=0 --numeric-owner -C dist -czf "dist/$name.tar.gz" "$name"
echo "package-linux: dist/$name.tar.gz"
tar -tzf "dist/$name.tar.gz"
