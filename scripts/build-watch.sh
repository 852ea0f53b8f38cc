#!/usr/bin/env bash
# Builds hunch-watch, the whole of Hunch, linked against only the OpenCV
# modules it calls (issue 12). gocv's default links every module pkg-config
# lists, and each one loads at start with its own libraries: highgui (Qt5),
# photo, video and the rest cost about 8 MB of memory and 14 libraries in
# every process though Hunch never calls them. With gocv's customenv tag the
# flags below replace pkg-config; -ffunction-sections and --gc-sections drop
# gocv's wrappers that nothing calls, so the unused modules need no linking.
# Usage: scripts/build-watch.sh OUT   (make build, and the end-to-end tests)
set -euo pipefail
out=${1:?usage: scripts/build-watch.sh OUT}
root=$(cd "$(dirname "$0")/.." && pwd)
cflags="-O2 -ffunction-sections -fdata-sections"
export CGO_CPPFLAGS="-I/usr/include/opencv4"
export CGO_CFLAGS="$cflags"
export CGO_CXXFLAGS="--std=c++11 $cflags"
export CGO_LDFLAGS="-lopencv_core -lopencv_imgproc -lopencv_imgcodecs -lopencv_videoio -lopencv_dnn -lopencv_objdetect -lopencv_calib3d -lopencv_features2d -lopencv_flann -Wl,--gc-sections"
cd "$root"
exec "${GO:-go}" build -tags customenv -o "$out" ./cmd/hunch
