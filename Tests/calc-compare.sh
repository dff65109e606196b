#!/usr/bin/env bash
# Compares `ctsguide calc` output (stdout, stderr, exit code) of two binaries over representative argument
# sets: text and --json, settings, telehealth, localities and --zip, G-codes, group sessions, dates after the
# last fee period, KX, and input errors (bad options, broken data, broken site.yaml). Run from the repository
# root (the cases read ./Content). Prints the differences; exit 0 when every case is byte-identical.
#   Tests/calc-compare.sh OLD_CTSGUIDE NEW_CTSGUIDE
set -u
old=${1:?old ctsguide binary}; new=${2:?new ctsguide binary}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bad" && cp -r Content/data Content/site.yaml "$work/bad/"
printf 'families:\n  - id: [oops\n' > "$work/bad/data/codes.yaml"
cp -r Content "$work/badsite" && printf 'as_of: 2025-13-45\n' > "$work/badsite/site.yaml"
cases=$(cat <<CASES
--minutes 38 --date 2025-06-02
--minutes 38 --date 2025-06-02 --json
--minutes 15 --date 2025-06-02 --json
--minutes 16 --date 2026-03-01 --json
--minutes 90 --date 2026-03-01 --setting institutional
--minutes 45 --date 2026-03-01 --setting institutional --telehealth --json
--minutes 45 --date 2026-03-01 --telehealth
--minutes 45 --date 2025-10-15 --telehealth --json
--minutes 45 --date 2024-06-01 --telehealth --json
--minutes 45 --date 2026-03-01 --setting facility --provider assistant --discipline ot --json
--minutes 60 --patients 3 --date 2026-03-01 --json
--minutes 60 --patients 3 --date 2026-03-01 --family behavior --json
--minutes 60 --date 2026-03-01 --family behavior --json
--minutes 60 --date 2026-03-01 --family direct-care --json
--minutes 60 --date 2024-12-31 --family direct-care
--minutes 60 --date 2027-03-01
--minutes 60 --date 2027-03-01 --conversion-factor qp --json
--minutes 60 --date 2026-03-01 --conversion-factor qp --json
--minutes 60 --date 2026-03-01 --conversion-factor bogus
--minutes 60 --date 2026-03-01 --zip 10001 --json
--minutes 60 --date 2026-03-01 --zip 10001
--minutes 60 --date 2026-03-01 --zip 99999
--minutes 60 --date 2026-03-01 --zip 10001 --locality national
--minutes 60 --date 2026-03-01 --locality 01112-05 --json
--minutes 60 --date 2026-03-01 --locality manhattan
--minutes 60 --date 2026-03-01 --ytd-amount 2500 --json
--minutes 60 --date 2027-03-01 --ytd-amount 100 --json
--minutes 60 --date 2026-03-01 --ytd-amount -4
--minutes 0 --date 2026-03-01
--minutes 60 --date 2019-01-01
--minutes 60 --date 2030-01-01 --json
--minutes 60 --date 2026-03-01 --profile full-units --json
--minutes 60 --date 2026-03-01 --family nope
--minutes 38 --date 2025-06-02 --provider assistant --discipline slp --json
--minutes 240 --date 2024-05-01 --locality 01112-05 --provider assistant --json
--minutes 38 --date 2025-06-02 --content $work/bad
--minutes 38 --content $work/badsite --json
CASES
)
n=0; bad=0
while IFS= read -r args; do
  n=$((n + 1))
  for side in old new; do
    bin=${!side}
    # shellcheck disable=SC2086
    "$bin" calc $args >"$work/$side.out" 2>"$work/$side.err"; echo $? >"$work/$side.rc"
  done
  for f in out err rc; do
    if ! cmp -s "$work/old.$f" "$work/new.$f"; then
      bad=$((bad + 1)); echo "DIFFERS ($f): calc $args"; diff "$work/old.$f" "$work/new.$f" | head -20
    fi
  done
done <<<"$cases"
echo "$n cases, $bad differences"
[ "$bad" -eq 0 ]
