#!/usr/bin/env bash
# End-to-end Analyze of a document through the gateway on loopback: starts
# juesuan-parse, juesuan-validate, juesuan-scoring and juesuan-analyze on
# 127.0.0.1 (kernel-chosen ports, bench/faults/lib.sh with STACK=gateway),
# then measures
#   1. maximum throughput: closed loop, 8 concurrent callers;
#   2. latency at a fixed 300 requests/s: open loop (latency counted from the
#      scheduled send time, so queueing shows).
#   bench/load/analyze_gateway.sh [BUILD_DIR] [DOCUMENT] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export BUILD=${1:-build}
export DOC=${2:-${JUESUAN_SHARED_DIR:-../shared}/seed/000_0d0d50dd571d51d1.txt}
export STACK=gateway
requests=${3:-5000}
source bench/faults/lib.sh
start_backend

names=(parse validate scoring analyze)
cpu_ms() {  # user+system CPU of a process in ms (from /proc/PID/stat)
  local ticks
  ticks=$(awk '{print $14 + $15}' "/proc/$1/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}
target="127.0.0.1:$port"

echo "# warm-up"
"$load_bin" --method analyze --target "$target" --file "$doc" --requests 200 --concurrency 4 >/dev/null
echo "# max throughput: closed loop, concurrency 8, $requests requests"
"$load_bin" --method analyze --target "$target" --file "$doc" --requests "$requests" --concurrency 8 || true
echo "# latency at 300 requests/s: open loop, $requests requests"
"$load_bin" --method analyze --target "$target" --file "$doc" --requests "$requests" \
  --concurrency 32 --rate 300 || true
echo "# CPU time of each server over the whole run ($((200 + 2 * requests)) calls incl. warm-up)"
for i in "${!names[@]}"; do
  echo "cpu ${names[$i]} $(cpu_ms "${stack_pids[$i]}") ms total"
done
