#!/usr/bin/env bash
# Soak: juesuan-parse, or the whole stack behind the gateway (STACK=gateway),
# at a fixed open-loop rate for a duration, sampling the resident memory of
# every started process every 5 s; compares each process's mean RSS over the
# first and the last minute (the first and last third when SECONDS < 120).
#   bench/faults/soak.sh RATE SECONDS  (env BUILD, DOC, WORKERS, STACK, WARMUP)
# Passes when every call is OK and every process's last-window RSS is within
# 5% of its first-window RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:?usage: soak.sh RATE SECONDS}
seconds=${2:?usage: soak.sh RATE SECONDS}
source bench/faults/lib.sh
start_backend ${WORKERS:+--workers=$WORKERS} --queue_size=64
# Warm-up at the same rate, not measured: thread pools, channels and the
# allocator's caches reach their working size first (WARMUP seconds, default
# 30; its calls are counted apart).
warmup=${WARMUP:-30}
if [ "$warmup" -gt 0 ]; then
  echo "# warm-up ${warmup}s"
  "$load_bin" --method "$method" --target "127.0.0.1:$port" --file "$doc" \
    --requests $((rate * warmup)) --concurrency 16 --rate "$rate" \
    --max_seconds $((warmup + 10)) --deadline_ms 10000 | grep '^status' || true
fi
names=(parse)
[ "$stack" = gateway ] && names=(parse validate scoring analyze)
( while kill -0 "$backend_pid" 2>/dev/null; do
    now=$(date +%s)
    for i in "${!names[@]}"; do echo "$now ${names[$i]} $(rss_kib "${stack_pids[$i]}")"; done
    sleep 5
  done ) > "$state/rss" &
sampler=$!
out=$("$load_bin" --method "$method" --target "127.0.0.1:$port" --file "$doc" \
      --requests $((rate * seconds)) --concurrency 16 --rate "$rate" \
      --max_seconds $((seconds + 10)) --deadline_ms 10000 || true)
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
echo "$out"
window=60
[ "$seconds" -lt 120 ] && window=$((seconds / 3))
rss_ok=0
awk -v w="$window" 'NR == 1 {t0 = $1}
  {t = $1 - t0; name[$2] = 1; if (t > end) end = t; ts[NR] = t; who[NR] = $2; r[NR] = $3}
  END {
    bad = 0
    for (n in name) {
      fs = fn = ls = ln = 0
      for (i = 1; i <= NR; i++) {
        if (who[i] != n) continue
        if (ts[i] < w) {fs += r[i]; fn++}
        if (ts[i] > end - w) {ls += r[i]; ln++}
      }
      first = fs / fn; last = ls / ln
      printf "rss_kib %s first_window_mean %d last_window_mean %d change %.2f%% (window %d s, %d samples)\n",
             n, first, last, (last - first) * 100 / first, w, fn + ln
      if (last > first * 1.05) bad = 1
    }
    exit bad
  }' "$state/rss" || rss_ok=1
grep -q "^status OK $((rate * seconds))$" <<< "$out" || { echo "FAIL: not every call OK"; exit 1; }
[ "$rss_ok" -eq 0 ] || { echo "FAIL: resident memory grew more than 5%"; exit 1; }
echo "PASS"
