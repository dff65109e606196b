#!/usr/bin/env bash
# Times the ZIP code work with a release build, in throw-away copies of Content/ (the repository is not touched):
# `fees import-zip` on the shared ZIP5_JAN2026.csv (42,956 rows) and on the same rows as 80-character records,
# `calc --zip`, and `build` with and without the ZIP code table. Prints one line per run.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-release --product ctsguide >/dev/null
B=.build-release/release/ctsguide
CSV=Tests/Fixtures/reference-data/cms-2026/ZIP5_JAN2026.csv
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
cp -r Content "$T/Content"
rm "$T/Content/data/zip-codes.yaml"
cp -r "$T/Content" "$T/NoZIP"
# the fixed-width layout of facts.md Part 2 Q8, written from the CSV rows
awk -F, 'NR > 1 { sub(/\r$/, ""); printf "%-2s%-5s%-5s%-2s%-1s%-2s%-1s  %-1s %-1s%52s%-5s\r\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, "", $10 }' \
  "$CSV" > "$T/ZIP5_JAN2026.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall time grows with the machine's load; user time does not)"
for f in "$CSV" "$T/ZIP5_JAN2026.txt"; do
  for i in 1 2; do
    rm -f "$T/Content/data/zip-codes.yaml"
    /usr/bin/time -f "import-zip $(basename "$f") run $i: %e s wall, %U s user CPU, %M KB peak" \
      "$B" fees import-zip "$f" --content "$T/Content" >/dev/null
  done
done
if diff -q <(grep -v '^file:\|^sha256:' "$T/Content/data/zip-codes.yaml") <(grep -v '^file:\|^sha256:' Content/data/zip-codes.yaml) >/dev/null
then echo "the text layout imports to the same mapping as Content/data/zip-codes.yaml (only file: and sha256: differ)"
else echo "DIFFERENT: the text layout's mapping differs from Content/data/zip-codes.yaml"; fi
for i in 1 2; do
  /usr/bin/time -f "calc --zip run $i: %e s wall, %U s user CPU" "$B" calc --minutes 38 --zip 94514 --json --content Content >/dev/null
  /usr/bin/time -f "calc --locality run $i: %e s wall, %U s user CPU" "$B" calc --minutes 38 --locality 01112-05 --json --content Content >/dev/null
done
for i in 1 2; do
  /usr/bin/time -f "build with ZIP codes run $i: %e s wall, %U s user CPU" "$B" build --content Content --output "$T/site1" --force >/dev/null
  /usr/bin/time -f "build without ZIP codes run $i: %e s wall, %U s user CPU" "$B" build --content "$T/NoZIP" --output "$T/site2" --force >/dev/null
done
