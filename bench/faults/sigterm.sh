#!/usr/bin/env bash
# SIGTERM under load: calls in flight complete within the grace period, calls
# after it are refused (UNAVAILABLE), the process exits 0.
#   bench/faults/sigterm.sh [GRACE_MS] [REPEAT]   (env BUILD, DOC)
# REPEAT concatenates the document so that each parse takes long enough to be
# in flight when the signal arrives.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/faults/lib.sh
"$faults_bin" sigterm --parse_binary "$parse_bin" --file "$doc" --concurrency 6 \
  --repeat "${2:-40}" --grace_ms "${1:-5000}" --before_ms 1500 --after_ms 1500 \
  --deadline_ms 20000 --backend_flag=--workers=2 --backend_flag=--queue_size=16
