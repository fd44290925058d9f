#!/usr/bin/env bash
# Makes the icon files from assets/icon/chitieu.svg: PNGs in the sizes desktops ask for
# (chitieu-16.png … chitieu-512.png, used by the window, the Linux packages and the README) and
# chitieu.ico (16 to 256 pixels, compiled into the Windows .exe by build.rs).
# The results are committed, so building the app needs none of these tools. Run this again
# after changing the SVG.
# Needs (Debian): librsvg2-bin (rsvg-convert) and imagemagick (convert).
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"

for tool in rsvg-convert convert; do
  command -v "$tool" >/dev/null || {
    echo "make-icons: $tool is missing (apt-get install librsvg2-bin imagemagick)" >&2
    exit 1
  }
done

# The 16-pixel icon has its own drawing on whole pixels; the others scale the main one.
rsvg-convert chitieu-16.svg --output chitieu-16.png
for size in 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" chitieu.svg --output "chitieu-$size.png"
done

# ImageMagick stores the small sizes as bitmaps and 256 as PNG, as Windows expects; no dates, so
# the file only changes when the picture does.
convert chitieu-16.png chitieu-24.png chitieu-32.png chitieu-48.png chitieu-64.png \
  chitieu-256.png -define png:exclude-chunks=date,time chitieu.ico
echo "make-icons: wrote $(ls chitieu-*.png | wc -l) PNGs and chitieu.ico in assets/icon"
