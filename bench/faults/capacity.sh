#!/usr/bin/env bash
# Capacity of juesuan-parse, or of the whole stack behind the gateway
# (STACK=gateway), for one document on loopback.
#   bench/faults/capacity.sh [SECONDS_PER_STEP]  (env BUILD, DOC, WORKERS, STACK)
# 1. closed loop at concurrency 1, 2, 4, 8 (SECONDS_PER_STEP each, default 10):
#    the peak throughput;
# 2. open loop at 90%, 75%, 60%, 45%, 30% of that peak (SECONDS_PER_STEP of
#    requests each): the first rate at which every call is OK and p99 < 500 ms is
#    the maximum sustainable rate.
# Bounded: each step stops after 2 x SECONDS_PER_STEP at most.
# The machine must be otherwise idle for the numbers to mean anything.
set -euo pipefail
cd "$(dirname "$0")/../.."
step=${1:-10}
source bench/faults/lib.sh
start_backend ${WORKERS:+--workers=$WORKERS} --queue_size=64
best=0
for c in 1 2 4 8; do
  out=$("$load_bin" --method "$method" --target "127.0.0.1:$port" --file "$doc" --requests 10000000 \
        --concurrency "$c" --max_seconds "$step" --deadline_ms 10000 || true)
  tput=$(sed -n 's/.*throughput \([0-9.]*\)\/s/\1/p' <<< "$out")
  p99=$(sed -n 's/.*p99 \([0-9]*\).*/\1/p' <<< "$out")
  echo "closed_loop concurrency $c throughput ${tput}/s p99_us $p99 $(grep '^status' <<< "$out" | tr '\n' ' ')"
  best=$(awk -v a="$best" -v b="$tput" 'BEGIN {print (b > a) ? b : a}')
done
# Open loop from 90% of the peak down: the first rate at which every call is
# OK and p99 < 500 ms is the maximum sustainable rate.
for fraction in 0.9 0.75 0.6 0.45 0.3; do
  rate=$(awk -v b="$best" -v f="$fraction" 'BEGIN {r = int(b * f); print (r < 1) ? 1 : r}')
  requests=$((rate * step))
  out=$("$load_bin" --method "$method" --target "127.0.0.1:$port" --file "$doc" --requests "$requests" \
        --concurrency 32 --rate "$rate" --max_seconds $((step * 2)) --deadline_ms 10000 || true)
  p99=$(sed -n 's/.*p99 \([0-9]*\).*/\1/p' <<< "$out")
  codes=$(grep '^status' <<< "$out" | tr '\n' ' ')
  echo "open_loop rate ${rate}/s $(head -1 <<< "$out") p99_us $p99 $codes"
  if [[ "$codes" == "status OK $requests " && "$p99" -lt 500000 ]]; then
    echo "max_sustainable_rate ${rate}/s (peak closed-loop ${best}/s)"
    exit 0
  fi
done
echo "no sustainable rate found down to 30% of the peak"
exit 1
