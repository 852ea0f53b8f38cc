#!/usr/bin/env bash
# Runs every fuzz target for a fixed number of inputs each (FUZZTIME, default
# 2000x: one to three seconds here) and fails on the first crash; Go then saves the input that broke it under the
# package's testdata/fuzz/FuzzXxx/, where it becomes part of the seed corpus.
# Go fuzzes one target per package per run, hence one run per target.
# The first run on a cold build cache instruments every dependency (minutes);
# after that the whole script takes under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin
# A count, not a duration: go1.26's coordinator can report a spurious
# "context deadline exceeded" when a duration runs out while a worker is busy
# (golang/go#75804, fixed in go1.27); a count has no deadline to race.
fuzztime=${FUZZTIME:-2000x}

targets=(
  ./monitor:FuzzParseProfile
  ./monitor:FuzzParseSensitivity
  ./monitor/history:FuzzParseDay
  ./cmd/hunch:FuzzAnalyzeFlags
  ./cmd/hunch:FuzzCalibrateFlags
  ./cmd/hunch:FuzzReportFlags
  ./cmd/hunch:FuzzExportFlags
  ./cmd/hunch:FuzzDoctorFlags
  ./cmd/hunch:FuzzAppFlags
  ./gui:FuzzPrefs
)

for t in "${targets[@]}"; do
  pkg=${t%%:*} name=${t##*:}
  if ! out=$(go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$pkg" 2>&1); then
    printf '%s\n' "$out" >&2
    echo "fuzz-short: $name in $pkg failed; the input that broke it is in $pkg/testdata/fuzz/$name/" >&2
    exit 1
  fi
  echo "fuzz-short: $name ok ($fuzztime)"
done
echo "fuzz: ${#targets[@]} passed, 0 failed"
