#!/usr/bin/env bash
# Starts juesuan-parse on loopback, sends it 1,000 parses of the seed and
# reports its peak RSS and RSS after each hundred calls, then stops it.
#   bench/load/parse_service_rss.sh [BUILD_DIR] [DOCUMENT] [REQUESTS]
set -euo pipefail
build=${1:-build}
doc=${2:-../shared/seed/000_0d0d50dd571d51d1.txt}
requests=${3:-1000}
state=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$state"' EXIT
"$build/services/parse/service/juesuan-parse" --grpc_address=127.0.0.1:0 \
  --metrics_address=127.0.0.1:0 --port_file="$state/port" --log_level=warn &
pid=$!
for _ in $(seq 100); do [ -s "$state/port" ] && break; sleep 0.1; done
port=$(cat "$state/port")
"$build/bench/load/juesuan_load" --target "127.0.0.1:$port" --file "$doc" \
  --requests "$requests" --concurrency 2 --server_pid "$pid" --rss_every 100
