#!/usr/bin/env bash
# A backend SIGKILLed under load and restarted on the same port: calls in
# flight must get UNAVAILABLE within their deadline, calls while it is down
# UNAVAILABLE at once, and calls succeed again within 2 s of its return.
#   bench/faults/kill_restart.sh [BEFORE_MS] [DOWN_MS] [AFTER_MS]   (env BUILD, DOC)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/faults/lib.sh
"$faults_bin" kill-restart --parse_binary "$parse_bin" --file "$doc" --concurrency 4 \
  --before_ms "${1:-3000}" --down_ms "${2:-2000}" --after_ms "${3:-3000}" \
  --deadline_ms 5000 --max_recovery_ms 2000
