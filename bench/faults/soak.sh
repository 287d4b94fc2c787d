#!/usr/bin/env bash
# Soak: juesuan-parse at a fixed open-loop rate for a duration, sampling its
# resident memory every 5 s; compares the mean RSS of the first and last
# minute (or first and last fifth when shorter than 5 minutes... see below).
#   bench/faults/soak.sh RATE SECONDS      (env BUILD, DOC, WORKERS)
# Passes when every call is OK and last-minute RSS is within 5% of the first.
# For SECONDS < 120 the windows are the first and last third instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:?usage: soak.sh RATE SECONDS}
seconds=${2:?usage: soak.sh RATE SECONDS}
source bench/faults/lib.sh
start_backend ${WORKERS:+--workers=$WORKERS} --queue_size=64
( while kill -0 "$backend_pid" 2>/dev/null; do
    echo "$(date +%s) $(rss_kib "$backend_pid")"; sleep 5; done ) > "$state/rss" &
sampler=$!
out=$("$load_bin" --target "127.0.0.1:$port" --file "$doc" --requests $((rate * seconds)) \
      --concurrency 16 --rate "$rate" --max_seconds $((seconds + 10)) --deadline_ms 10000 || true)
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
echo "$out"
window=60
[ "$seconds" -lt 120 ] && window=$((seconds / 3))
awk -v w="$window" 'NR == 1 {t0 = $1} {t[NR] = $1 - t0; r[NR] = $2; end = $1 - t0}
  END {
    for (i = 1; i <= NR; i++) {
      if (t[i] < w) {fs += r[i]; fn++}
      if (t[i] > end - w) {ls += r[i]; ln++}
    }
    first = fs / fn; last = ls / ln
    printf "rss_kib first_window_mean %d last_window_mean %d change %.2f%% (window %d s, %d samples)\n",
           first, last, (last - first) * 100 / first, w, NR
    exit (last > first * 1.05) ? 1 : 0
  }' "$state/rss"
grep -q "^status OK $((rate * seconds))$" <<< "$out" || { echo "FAIL: not every call OK"; exit 1; }
