#!/usr/bin/env bash
# Incremental-build benchmark: full build, no-op rebuild, one-page-edit and template-edit rebuilds of a generated
# corpus.
#
#   bench/incremental.sh [PAGES]        (default 5000; `make bench` calls it; BIN=... another binary,
#                                        TEMPLATES=... another templates folder)
#
# Targets (issue 14): no-op ≤ 0.1 × full, one-page edit ≤ 0.2 × full (the template edit has no target: it shows
# what the pipeline costs with a cache). Times are wall-clock seconds of the release binary; each rebuild figure
# is the median of 3 runs. Works in a temporary folder, never in Content/.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${1:-${PAGES:-5000}}"
BIN="${BIN:-.build/release/ctsguide}"
[ -x "$BIN" ] || swift build -c release --product ctsguide >/dev/null
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
WORK="$(mktemp -d /tmp/ctsguide-incremental.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 bench/make-corpus.py --pages "$PAGES" --out "$WORK/corpus" >/dev/null
cp -r "${TEMPLATES:-Templates}" "$WORK/Templates"
CONTENT="$WORK/corpus/content"
note="the corpus as generated"
if ! "$BIN" check --content "$CONTENT" --templates "$WORK/Templates" >/dev/null 2>&1; then
  # Until the build reads such corpora as they are, give it a minimal site.yaml (see adapt-corpus.py).
  python3 bench/adapt-corpus.py "$WORK/corpus" "$WORK/site" --data Tests/GuideSiteTests/Fixtures/site/Content/data
  CONTENT="$WORK/site/Content"
  note="adapted by bench/adapt-corpus.py (minimal site.yaml, fixture data, summary→description, no tags, file links)"
fi
cd "$WORK"
run() { "$BIN" build --content "$CONTENT" --templates Templates --output Public "$@" 2>/dev/null | tail -1; }
build() { run --cache cache "$@"; }
seconds() { local s e; s=$(date +%s.%N); "$@" >"$WORK/last.txt"; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
page=$(find "$CONTENT" -name 'page-*.md' | sort | sed -n "$((PAGES / 2))p")

full=$(seconds run --no-cache)             # (--cache with --no-cache is a usage error)
cold=$(seconds build)                       # fills the cache (and its output record)
noop=(); edit=(); tmpl=()
for i in 1 2 3; do
  noop+=("$(seconds build)")
  echo "Edited for the benchmark, run $i." >>"$page"
  edit+=("$(seconds build)")
done
for i in 1 2 3; do
  echo "<!-- edited for the benchmark, run $i -->" >>Templates/page.mustache
  tmpl+=("$(seconds build)")
done
n=$(median "${noop[@]}"); e=$(median "${edit[@]}"); t=$(median "${tmpl[@]}")
echo "incremental builds, $PAGES pages ($note)"
printf '  full build (--no-cache):        %7.2f s\n' "$full"
printf '  first build filling the cache:  %7.2f s\n' "$cold"
printf '  no-op rebuild (median of 3):    %7.2f s  = %.3f x full (target <= 0.1)\n' "$n" "$(echo "$n / $full" | bc -l)"
printf '  one-page edit (median of 3):    %7.2f s  = %.3f x full (target <= 0.2)\n' "$e" "$(echo "$e / $full" | bc -l)"
printf '  template edit (median of 3):    %7.2f s  = %.3f x full\n' "$t" "$(echo "$t / $full" | bc -l)"
echo "  last rebuild: $(cat "$WORK/last.txt")"
