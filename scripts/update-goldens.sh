#!/usr/bin/env bash
# Regenerates the golden outlines under tests/golden/ from the current parser.
# Review every changed line against the document before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
shared=${JUESUAN_SHARED_DIR:-../shared}
cmake --build "$build" --target juesuan-parse-dump >/dev/null
"$build/services/parse/juesuan-parse-dump" "$shared/seed/000_0d0d50dd571d51d1.txt" --outline \
  > tests/golden/seed.outline.txt
git --no-pager diff --stat -- tests/golden
