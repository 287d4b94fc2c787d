#!/usr/bin/env bash
# End-to-end Analyze of a document through the gateway on loopback: starts
# juesuan-parse, juesuan-validate, juesuan-scoring and juesuan-analyze on
# 127.0.0.1 (kernel-chosen ports), then measures
#   1. maximum throughput: closed loop, 8 concurrent callers;
#   2. latency at a fixed 300 requests/s: open loop (latency counted from the
#      scheduled send time, so queueing shows).
#   bench/load/analyze_gateway.sh [BUILD_DIR] [DOCUMENT] [REQUESTS]
set -euo pipefail
build=${1:-build}
doc=${2:-../shared/seed/000_0d0d50dd571d51d1.txt}
requests=${3:-5000}
state=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$state"
}
trap cleanup EXIT

names=()
cpu_ms() {  # user+system CPU of a process in ms (from /proc/PID/stat)
  local ticks
  ticks=$(awk '{print $14 + $15}' "/proc/$1/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}
report_cpu() {  # report_cpu DOCUMENTS: CPU per document of every server
  local i
  for i in "${!pids[@]}"; do
    echo "cpu ${names[$i]} $(cpu_ms "${pids[$i]}") ms total"
  done
}

start() {  # start NAME BINARY ARGS...
  local name=$1 binary=$2
  shift 2
  [[ -x "$binary" ]] || { echo "missing $binary (build it first)" >&2; exit 1; }
  "$binary" --grpc_address=127.0.0.1:0 --metrics_address=127.0.0.1:0 \
    --port_file="$state/$name.port" --log_level=warn --shutdown_grace=1s "$@" &
  pids+=($!)
  names+=("$name")
  for _ in $(seq 200); do [[ -s "$state/$name.port" ]] && break; sleep 0.05; done
  [[ -s "$state/$name.port" ]] || { echo "$name did not start" >&2; exit 1; }
}

start parse "$build/services/parse/service/juesuan-parse"
start validate "$build/services/validate/service/juesuan-validate"
start scoring "$build/services/scoring/service/juesuan-scoring"
start analyze "$build/services/analyze/service/juesuan-analyze" \
  --parse_target="dns:///127.0.0.1:$(cat "$state/parse.port")" \
  --validate_target="dns:///127.0.0.1:$(cat "$state/validate.port")" \
  --scoring_target="dns:///127.0.0.1:$(cat "$state/scoring.port")"
target="127.0.0.1:$(cat "$state/analyze.port")"
load="$build/bench/load/juesuan_load"

echo "# warm-up"
"$load" --method analyze --target "$target" --file "$doc" --requests 200 --concurrency 4 >/dev/null
echo "# max throughput: closed loop, concurrency 8, $requests requests"
"$load" --method analyze --target "$target" --file "$doc" --requests "$requests" --concurrency 8 || true
echo "# latency at 300 requests/s: open loop, $requests requests"
"$load" --method analyze --target "$target" --file "$doc" --requests "$requests" \
  --concurrency 32 --rate 300 || true
echo "# CPU time of each server over the whole run ($((200 + 2 * requests)) calls incl. warm-up)"
report_cpu
