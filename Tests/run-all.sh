#!/usr/bin/env bash
# `make test`: every stage in turn (each runs even when an earlier one failed), its output shown as it goes, then
# one summary line per stage and a closing `stages: N passed, M failed` line. Exit status 1 if any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.."
MAKE_CMD="${MAKE:-make}"
LOG="$(mktemp -d /tmp/ctsguide-test.XXXXXX)"
trap 'rm -rf "$LOG"' EXIT

names=(); results=(); lines=()
stage() {  # name, make target, pattern of the stage's own summary line(s)
  local name="$1" target="$2" pattern="$3" status
  echo "==== $name ($MAKE_CMD $target)"
  "$MAKE_CMD" --no-print-directory "$target" 2>&1 | tee "$LOG/$target.log"
  status=${PIPESTATUS[0]}
  local summary
  summary="$(grep -E "$pattern" "$LOG/$target.log" | sed -E 's/^[^A-Za-z0-9]+//' | paste -sd ';' - | sed 's/;/; /g')"
  [ -n "$summary" ] || summary="no summary line (see the output above)"
  names+=("$name"); lines+=("$summary")
  if [ "$status" -eq 0 ]; then results+=("passed"); else results+=("FAILED (exit $status)"); fi
}

stage "swift test" swift-test '^.{0,4}Test run with [0-9]+ tests?'
stage "bad-input corpus" corpus '^corpus: [0-9]+ cases'
stage "kill test" kill-test '^kill test: (passed|failed)'
stage "reproducibility" repro-test '^repro test: (passed|failed)'
stage "browser, HTML validity, accessibility (guide, branded fork)" browser-test '^[0-9]+ passed, [0-9]+ failed$'

echo
echo "==== summary"
passed=0; failed=0
for i in "${!names[@]}"; do
  printf '%-62s %s: %s\n' "${names[$i]}" "${results[$i]}" "${lines[$i]}"
  if [ "${results[$i]}" = passed ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
