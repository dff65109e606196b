#!/usr/bin/env bash
# Regenerates the golden output of the fixture site on purpose (review the diff before committing).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product ctsguide
F=Tests/GuideSiteTests/Fixtures
.build/debug/ctsguide build --content $F/site/Content --templates $F/site/Templates --output $F/expected --force
rm -f $F/expected/.ctsguide-output
