#!/usr/bin/env bash
# Batch mode with a backend failing intermittently: DOCUMENTS documents (the
# seed, a corpus text and garbage, mixed) go through the gateway's
# AnalyzeBatch while validate, then parse, are killed for DOWN_MS and
# restarted for UP_MS, CYCLES times each. Every document must end with a
# result or a precise per-stage error record; none lost, none duplicated, no
# call past its deadline. The tool starts and stops all four services.
#   bench/faults/batch_intermittent.sh [DOCUMENTS] [CYCLES] [DOWN_MS] [UP_MS]
#   (env BUILD, DOC, CORPUS_DOC, RATE)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/faults/lib.sh
corpus_doc=${CORPUS_DOC:-${JUESUAN_SHARED_DIR:-../shared}/corpus/003/text.txt}
[ -f "$corpus_doc" ] || { echo "no corpus text $corpus_doc (set CORPUS_DOC)"; exit 2; }
"$faults_bin" batch-intermittent --parse_binary "$parse_bin" --validate_binary "$validate_bin" \
  --scoring_binary "$scoring_bin" --analyze_binary "$analyze_bin" \
  --file "$doc" --corpus_file "$corpus_doc" --documents "${1:-300}" --batch_size 20 \
  --streams 4 --rate "${RATE:-40}" --cycles "${2:-3}" --before_ms 500 \
  --down_ms "${3:-300}" --up_ms "${4:-700}" --deadline_ms 15000
