#!/usr/bin/env bash
# Builds hunch-watch, the whole of Hunch, linked against only the OpenCV
# modules it calls (issue 12); with --camera-only, hunch-camera, the part of
# it that watches a camera, which needs neither videoio nor imgcodecs.
# gocv's default links every module pkg-config
# lists, and each one loads at start with its own libraries: highgui (Qt5),
# photo, video and the rest cost about 8 MB of memory and 14 libraries in
# every process though Hunch never calls them. With gocv's customenv tag the
# flags below replace pkg-config; -ffunction-sections and --gc-sections drop
# gocv's wrappers that nothing calls, so the unused modules need no linking.
# Fyne's no_emoji tag leaves out its colour emoji font, which no text of
# Hunch's uses: Fyne parses that 4 MB font for every text style it draws, about
# 11 MB of memory in every process that shows a window.
# Usage: scripts/build-watch.sh OUT [--camera-only]   (make build, and the end-to-end tests)
set -euo pipefail
out=${1:?usage: scripts/build-watch.sh OUT [--camera-only]}
root=$(cd "$(dirname "$0")/.." && pwd)
tags=customenv,no_emoji
ldflags=()
if [ "${2:-}" = --camera-only ]; then
  tags=$tags,cameraonly
  ldflags=(-ldflags "-extld=$root/scripts/link-camera.sh")
  # The linker the build would have used (gocv is C++), for link-camera.sh.
  HUNCH_EXTLD=$("${GO:-go}" env CXX)
  export HUNCH_EXTLD
elif [ -n "${2:-}" ]; then
  echo "usage: scripts/build-watch.sh OUT [--camera-only]" >&2
  exit 2
fi
cflags="-O2 -ffunction-sections -fdata-sections"
export CGO_CPPFLAGS="-I/usr/include/opencv4"
export CGO_CFLAGS="$cflags"
export CGO_CXXFLAGS="--std=c++11 $cflags"
export CGO_LDFLAGS="-lopencv_core -lopencv_imgproc -lopencv_imgcodecs -lopencv_videoio -lopencv_dnn -lopencv_objdetect -lopencv_calib3d -lopencv_features2d -lopencv_flann -Wl,--gc-sections"
cd "$root"
exec "${GO:-go}" build -tags "$tags" "${ldflags[@]}" -o "$out" ./cmd/hunch
