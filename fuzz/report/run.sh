#!/usr/bin/env bash
# Runs fuzz_validate and fuzz_score for SECONDS each (bounded), starting from
# the seed reports plus any regression inputs in fuzz/report/regressions/.
# Crash inputs are written to OUT/artifacts-<target>/; copy each one into
# fuzz/report/regressions/<target>/ once fixed.
#   fuzz/report/run.sh BUILD_DIR SECONDS [OUT]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: run.sh BUILD_DIR SECONDS [OUT]}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS [OUT]}
out=${3:-$build/fuzz-report-out}
mkdir -p "$out/seeds"
"$build/fuzz/report/fuzz_report_seeds" "$out/seeds"
for target in fuzz_validate fuzz_score; do
  corpus="$out/corpus-$target"
  mkdir -p "$corpus" "$out/artifacts-$target"
  cp -n "$out"/seeds/* "$corpus"/
  if [ -d "fuzz/report/regressions/$target" ]; then cp -n "fuzz/report/regressions/$target"/* "$corpus"/ || true; fi
  echo "== $target for ${seconds}s"
  "$build/fuzz/report/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/artifacts-$target/" -print_final_stats=1 "$corpus" \
    2>&1 | tail -25 || echo "$target stopped with a finding (see $out/artifacts-$target)"
done
