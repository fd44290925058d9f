#!/usr/bin/env bash
# Smoke test of the Windows build under Wine, from Linux. Run it before a release; it is not part
# of .ci/run, because a cold Windows build takes many minutes on a small machine.
#
#  1. builds chitieu.exe (scripts/build-windows.sh) and the Linux `summary` command;
#  2. runs `chitieu.exe summary` under Wine on the three shared samples (../shared/data, or
#     CHITIEU_SAMPLES), in text, CSV and JSON, and compares stdout, stderr and the exit code
#     with the Linux build's, byte for byte;
#  3. opens the window under Xvfb + Wine, saves a screenshot (target/windows/wine-window.png),
#     quits with Ctrl+Q and checks that the settings were saved in %APPDATA%\chitieu\data;
#     with CHITIEU_SCALE=125 or 150, Windows' display scale is set to that per cent first.
#
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll's ProcessPrng, which Rust's standard library
# needs; a stand-in (scripts/wine/processprng.c) is built with MinGW and put beside the .exe in
# the test folder only. It is never shipped.
#
# Needs (Debian): gcc-mingw-w64-x86-64, wine64 (or wine), xvfb, imagemagick, xdotool, libgl1-mesa-dri;
# installed here when missing and running as root.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=${CHITIEU_WINDOWS_TARGET_DIR:-target/windows}
case $target_dir in /*) ;; *) target_dir=$(pwd)/$target_dir ;; esac
export CHITIEU_WINDOWS_TARGET_DIR=$target_dir
samples=${CHITIEU_SAMPLES:-../shared/data}
files=(bvcste-2016-2020.xlsx binh-dang-gioi-2011-2020.csv indicators-long.csv)

need=()
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null || command -v wine64 >/dev/null || need+=(wine64)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v import >/dev/null || need+=(imagemagick)
command -v xdotool >/dev/null || need+=(xdotool)
[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so ] || need+=(libgl1-mesa-dri)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "test-windows: missing: ${need[*]} (apt-get install them)" >&2
    exit 1
  fi
fi
wine=$(command -v wine || command -v wine64)

bash scripts/build-windows.sh
exe=$target_dir/x86_64-pc-windows-gnu/release/chitieu.exe

# The Linux reference: the same `summary` code, without the GUI (it does not use it), built in
# the same separate target folder.
echo "== cargo build --release --no-default-features (Linux reference, into $target_dir)"
CARGO_TARGET_DIR=$target_dir nice -n 10 cargo build --locked --release --no-default-features --bin chitieu
linux=$target_dir/release/chitieu

# The test folder: the .exe and, for Wine only, the ProcessPrng stand-in.
test_dir=$target_dir/wine-test
mkdir -p "$test_dir"
cp "$exe" "$test_dir/chitieu.exe"
x86_64-w64-mingw32-gcc -O2 -shared -o "$test_dir/bcryptprimitives.dll" \
  scripts/wine/processprng.c -ladvapi32

export WINEPREFIX=$target_dir/wine-prefix
export WINEDEBUG=-all
export WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml="
if [ ! -d "$WINEPREFIX" ]; then
  echo "== making the Wine prefix ($WINEPREFIX)"
  "$wine" wineboot --init >/dev/null 2>&1
fi

echo "== summary: Linux vs Wine"
out=$target_dir/wine-compare
rm -rf "$out"
mkdir -p "$out"
failed=0
for file in "${files[@]}"; do
  for format in text csv json; do
    name=$file.$format
    # Both run in the samples' folder with the same relative name, so the output names the
    # file the same way.
    (cd "$samples" && "$linux" summary --format "$format" "$file" >"$out/$name.linux.out" \
      2>"$out/$name.linux.err"; echo $? >"$out/$name.linux.code")
    (cd "$samples" && "$wine" "$test_dir/chitieu.exe" summary --format "$format" "$file" \
      >"$out/$name.wine.out" 2>"$out/$name.wine.err" </dev/null; echo $? >"$out/$name.wine.code")
    same=yes
    for part in out err code; do
      cmp -s "$out/$name.linux.$part" "$out/$name.wine.$part" || same=no
    done
    if [ "$same" = yes ]; then
      printf 'same  %-34s %6s bytes, exit %s\n' "$name" "$(wc -c <"$out/$name.linux.out")" \
        "$(cat "$out/$name.linux.code")"
    else
      failed=1
      printf 'DIFF  %s\n' "$name"
      diff "$out/$name.linux.out" "$out/$name.wine.out" | head -n 20 || true
      diff "$out/$name.linux.err" "$out/$name.wine.err" | head -n 5 || true
      echo "exit codes: $(cat "$out/$name.linux.code") (Linux), $(cat "$out/$name.wine.code") (Wine)"
    fi
  done
done

echo "== window under Xvfb + Wine"
if [ -n "${CHITIEU_SCALE:-}" ]; then
  dpi=$((96 * CHITIEU_SCALE / 100))
  "$wine" reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d "$dpi" /f >/dev/null 2>&1
else
  "$wine" reg delete 'HKCU\Control Panel\Desktop' /v LogPixels /f >/dev/null 2>&1 || true
fi
# A fresh start: what the app remembers lives in %APPDATA%\chitieu\data of the test prefix.
data=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Roaming 2>/dev/null | head -n 1)/chitieu
rm -rf "$data"
shot=$target_dir/wine-window${CHITIEU_SCALE:+-$CHITIEU_SCALE}.png
for n in $(seq 90 130); do [ -e "/tmp/.X11-unix/X$n" ] || { display=:$n; break; }; done
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
  kill "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
sleep 2
DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 "$wine" "$test_dir/chitieu.exe" >"$out/window.log" 2>&1 &
app=$!
sleep "${CHITIEU_WAIT:-25}"
if kill -0 "$app" 2>/dev/null; then
  # egui draws when something happens: a pointer move makes it draw the window at its size.
  DISPLAY=$display xdotool mousemove 300 300 sleep 1 mousemove 20 600 sleep 1
  DISPLAY=$display import -window root "$shot"
  echo "window: open; screenshot $shot"
  # Ctrl+Q quits through the app's command, and eframe then saves what the app remembers.
  # The title ends with "chitieu" (the files open come first).
  window=$(DISPLAY=$display xdotool search --name 'chitieu$' | head -n 1)
  DISPLAY=$display xdotool windowfocus "$window" key ctrl+q
  for _ in $(seq 20); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$app" 2>/dev/null; then
    failed=1
    echo "window: Ctrl+Q did not close it"
  elif [ -f "$data/data/app.ron" ]; then
    echo "window: closed with Ctrl+Q; settings saved in %APPDATA%\\chitieu\\data\\app.ron"
  else
    failed=1
    echo "window: closed, but no app.ron in $data/data"
  fi
else
  failed=1
  echo "window: chitieu.exe exited before the screenshot:"
  cat "$out/window.log"
fi
command -v wineserver >/dev/null && wineserver -k >/dev/null 2>&1 || true

if [ "$failed" = 0 ]; then
  echo "test-windows: the Windows build gives the same summaries as the Linux build, and its window opens"
else
  echo "test-windows: FAILED (outputs in $out)" >&2
  exit 1
fi
