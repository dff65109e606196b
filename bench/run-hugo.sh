#!/bin/sh
# Full Hugo build of a bench/make-corpus.py corpus with the site in bench/hugo-site (the yardstick of `make bench`).
#   bench/run-hugo.sh CORPUS_DIR OUT_DIR        (OUT_DIR missing or empty; needs `hugo` on the PATH)
# Hugo's cache and resources go under $TMPDIR; nothing is written in the repository.
set -eu
[ $# -eq 2 ] || { echo "usage: run-hugo.sh CORPUS_DIR OUT_DIR" >&2; exit 2; }
site=$(cd "$(dirname "$0")/hugo-site" && pwd)
corpus=$(cd "$1" && pwd)
[ -d "$corpus/content" ] || { echo "run-hugo.sh: $corpus has no content/ folder" >&2; exit 2; }
mkdir -p "$2"
[ -z "$(ls -A "$2")" ] || { echo "run-hugo.sh: $2 is not empty" >&2; exit 2; }
out=$(cd "$2" && pwd)
export HUGO_RESOURCEDIR="${HUGO_RESOURCEDIR:-${TMPDIR:-/tmp}/ctsguide-bench-hugo-resources}"
exec hugo --source "$site" --contentDir "$corpus/content" --destination "$out" --noBuildLock --quiet
