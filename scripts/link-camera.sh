#!/usr/bin/env bash
# The C linker for hunch-camera (scripts/build-watch.sh --camera-only): the
# system's, with OpenCV's videoio and imgcodecs taken out of the libraries.
# hunch-camera calls neither (the cameraonly tag leaves out every caller, and
# --gc-sections drops gocv's unused wrappers), so it need not load them and
# the 50 MB of libraries they pull in. The compile flags stay those of
# hunch-watch, so gocv is compiled once for both. If anything still called
# them the link would fail, naming the missing symbol.
set -euo pipefail
args=()
for a in "$@"; do
  case $a in
    -lopencv_videoio | -lopencv_imgcodecs) ;;
    *) args+=("$a") ;;
  esac
done
exec "${HUNCH_EXTLD:-g++}" "${args[@]}"
