#!/usr/bin/env bash
# Times `ctsguide fees import` on the whole real 2026 PPRRVU file (19,356 rows) with a release build, into a
# throw-away copy of Content/ (the repository is not touched). Prints one line per run.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-release --product ctsguide >/dev/null
S=Tests/Fixtures/reference-data/cms-2026
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
cp -r Content "$T/Content"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall time grows with the machine's load; user time does not)"
for i in 1 2 3; do
  /usr/bin/time -f "run $i: %e s wall, %U s user CPU, %M KB peak (read + check 19,356 rows, load Content/data)" \
    .build-release/release/ctsguide fees import --rvu "$S/PPRRVU2026_Jul_nonQPP.csv" \
    --rvu Tests/GuideSiteTests/Fixtures/import/PPRRVU2026_Jan_QPP-caregiver-rows.csv \
    --gpci "$S/GPCI2026_Jan.csv" --effective 2026-01-01 --content "$T/Content" >/dev/null
done
