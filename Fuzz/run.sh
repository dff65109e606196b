#!/usr/bin/env bash
# Runs every libFuzzer target for FUZZ_SECONDS (default 600), FUZZ_JOBS at a time (default 2), at the lowest
# priority. Not part of CI or `make test`. Seeds: Fuzz/Seeds/<target> (committed); the growing corpus goes to
# Fuzz/.corpus/<target> and any crash to Fuzz/crashes/<target>/ (both ignored by git) — turn each crash into a
# case under Tests/Corpus/cases. Usage: bash Fuzz/run.sh [target ...]   (run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-600}
JOBS=${FUZZ_JOBS:-2}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(front-matter markdown template csv import-readers calc-args)

echo "building fuzz targets (release, -sanitize=fuzzer)"
for t in "${TARGETS[@]}"; do
  nice -n 19 swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer --product "fuzz-$t" 2>&1 | tail -1
done

run_one() {
  local t=$1
  mkdir -p "Fuzz/.corpus/$t" "Fuzz/crashes/$t"
  local log="Fuzz/.corpus/$t.log"
  nice -n 19 "Fuzz/.build/release/fuzz-$t" "Fuzz/.corpus/$t" "Fuzz/Seeds/$t" \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="Fuzz/crashes/$t/" -print_final_stats=1 > "$log" 2>&1 || true
  local runs; runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 || true)
  local execs; execs=$(grep 'stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  local crashes; crashes=$(find "Fuzz/crashes/$t" -type f | wc -l)
  echo "fuzz-$t: ${runs:-did not finish} (executions: ${execs:-?}), crashes saved: $crashes"
}

pids=()
for t in "${TARGETS[@]}"; do
  run_one "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$JOBS" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
wait
total=$(find Fuzz/crashes -type f 2>/dev/null | wc -l)
echo "fuzz: ${#TARGETS[@]} target(s), ${SECONDS_EACH} s each, $total crash file(s) in Fuzz/crashes"
[ "$total" -eq 0 ]
