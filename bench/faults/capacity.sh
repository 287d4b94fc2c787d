#!/usr/bin/env bash
# Capacity of juesuan-parse for one document on loopback.
#   bench/faults/capacity.sh [SECONDS_PER_STEP]      (env BUILD, DOC, WORKERS)
# 1. closed loop at concurrency 1, 2, 4, 8 (SECONDS_PER_STEP each, default 10):
#    the peak throughput;
# 2. open loop at 90% of that peak for the same time: the rate is sustainable
#    when every call is OK and p99 stays under 1 s.
# Bounded: each step stops after SECONDS_PER_STEP (+ deadline).
set -euo pipefail
cd "$(dirname "$0")/../.."
step=${1:-10}
source bench/faults/lib.sh
start_backend ${WORKERS:+--workers=$WORKERS} --queue_size=64
best=0
for c in 1 2 4 8; do
  out=$("$load_bin" --target "127.0.0.1:$port" --file "$doc" --requests 10000000 \
        --concurrency "$c" --max_seconds "$step" --deadline_ms 10000 || true)
  tput=$(sed -n 's/.*throughput \([0-9.]*\)\/s/\1/p' <<< "$out")
  p99=$(sed -n 's/.*p99 \([0-9]*\).*/\1/p' <<< "$out")
  echo "closed_loop concurrency $c throughput ${tput}/s p99_us $p99 $(grep '^status' <<< "$out" | tr '\n' ' ')"
  best=$(awk -v a="$best" -v b="$tput" 'BEGIN {print (b > a) ? b : a}')
done
rate=$(awk -v b="$best" 'BEGIN {printf "%d", b * 0.9}')
requests=$((rate * step))
out=$("$load_bin" --target "127.0.0.1:$port" --file "$doc" --requests "$requests" \
      --concurrency 16 --rate "$rate" --max_seconds $((step + 5)) --deadline_ms 10000 || true)
p99=$(sed -n 's/.*p99 \([0-9]*\).*/\1/p' <<< "$out")
codes=$(grep '^status' <<< "$out" | tr '\n' ' ')
echo "open_loop rate ${rate}/s $(head -1 <<< "$out") p99_us $p99 $codes"
if [[ "$codes" == "status OK $requests " && "$p99" -lt 1000000 ]]; then
  echo "max_sustainable_rate ${rate}/s (peak closed-loop ${best}/s)"
else
  echo "open loop at ${rate}/s was NOT sustainable: $codes p99_us $p99"
  exit 1
fi
