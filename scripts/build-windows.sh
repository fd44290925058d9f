#!/usr/bin/env bash
# Builds chitieu.exe for 64-bit Windows from Linux (target x86_64-pc-windows-gnu, MinGW-w64),
# with its icon and version resources, and packs a release zip:
#   dist/chitieu-VERSION-windows-x86_64/chitieu.exe (+ README, licences)
#   dist/chitieu-VERSION-windows-x86_64.zip
# The build goes to its own target folder (CHITIEU_WINDOWS_TARGET_DIR, default target/windows)
# so that it never waits for, or blocks, the cargo lock of other builds in target/, and runs
# with lowered priority: a cold build takes many minutes on a small machine.
# Needs (Debian): gcc-mingw-w64-x86-64 (installed here when missing and running as root), zip.
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
target_dir=${CHITIEU_WINDOWS_TARGET_DIR:-target/windows}
profile=${CHITIEU_PROFILE:-release}

if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v x86_64-w64-mingw32-windres >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing MinGW-w64 (gcc-mingw-w64-x86-64)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc-mingw-w64-x86-64 >/dev/null
  else
    echo "build-windows: MinGW-w64 is missing: apt-get install gcc-mingw-w64-x86-64" >&2
    exit 1
  fi
fi
if command -v rustup >/dev/null; then
  rustup target add "$target" >/dev/null
fi

echo "== cargo build --profile $profile --target $target (into $target_dir)"
CARGO_TARGET_DIR=$target_dir nice -n 10 cargo build --locked --profile "$profile" --target "$target" --bin chitieu
profile_dir=$profile
[ "$profile" = dev ] && profile_dir=debug
exe=$target_dir/$target/$profile_dir/chitieu.exe
[ -f "$exe" ] || { echo "build-windows: $exe was not built" >&2; exit 1; }

# What a user unzips: the program, how to use it, and the licences (the code's and the font's).
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
name=chitieu-$version-windows-x86_64
rm -rf "dist/$name" "dist/$name.zip"
mkdir -p "dist/$name"
cp "$exe" "dist/$name/chitieu.exe"
# Symbols are most of the file's size and no use to users.
x86_64-w64-mingw32-strip "dist/$name/chitieu.exe"
cp README.md LICENSE-MIT LICENSE-APACHE "dist/$name/"
cp assets/fonts/OFL.txt "dist/$name/OFL-NotoSans.txt"
if command -v zip >/dev/null; then
  (cd dist && zip -qr "$name.zip" "$name")
  echo "build-windows: $exe -> dist/$name.zip"
else
  echo "build-windows: $exe -> dist/$name/ (zip is not installed, so no .zip)"
fi
