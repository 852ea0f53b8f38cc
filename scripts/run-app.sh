#!/usr/bin/env bash
# Starts Hunch on the default camera, or explains how to point it at a recording.
set -u
bin=$1; shift
if [ $# -gt 0 ]; then exec "$bin" "$@"; fi
if ! ls /dev/video* >/dev/null 2>&1; then
  echo "Hunch: no camera found (/dev/video* is empty)."
  echo "Connect a webcam and run 'make run' again, or analyse a recording:"
  echo "  make run ARGS='analyze --input my-recording.mp4'"
  exit 1
fi
exec "$bin"
