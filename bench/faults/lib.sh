# Shared by the bench/faults scripts: start juesuan-parse alone, or the whole
# stack behind the gateway, on loopback with port files, and stop what was
# started (and only that) on exit.
#   STACK=parse (default): the load goes to juesuan-parse (ParseDocument).
#   STACK=gateway: juesuan-parse, -validate, -scoring and -analyze; the load
#   goes to the gateway (Analyze: parse, then validate and score).
build=${BUILD:-build}
doc=${DOC:-${JUESUAN_SHARED_DIR:-../shared}/seed/000_0d0d50dd571d51d1.txt}
[ -f "$doc" ] || { echo "no document $doc (set DOC or JUESUAN_SHARED_DIR)"; exit 2; }
stack=${STACK:-parse}
case "$stack" in
  parse) method=parse ;;
  gateway) method=analyze ;;
  *) echo "STACK must be parse or gateway"; exit 2 ;;
esac
parse_bin="$build/services/parse/service/juesuan-parse"
validate_bin="$build/services/validate/service/juesuan-validate"
scoring_bin="$build/services/scoring/service/juesuan-scoring"
analyze_bin="$build/services/analyze/service/juesuan-analyze"
load_bin="$build/bench/load/juesuan_load"
faults_bin="$build/bench/faults/juesuan_faults"
state=$(mktemp -d)
backend_pid=""   # the process the load is sent to
stack_pids=()    # every process started, the backend included
cleanup() {
  local pid
  for pid in "${stack_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${stack_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$state"
}
trap cleanup EXIT

# start_server NAME BINARY [flags...]: starts one service on 127.0.0.1 with
# kernel-chosen ports; its gRPC port ends up in $state/NAME.port.
start_server() {
  local name=$1 binary=$2
  shift 2
  [ -x "$binary" ] || { echo "missing $binary (build it first)"; exit 2; }
  "$binary" --grpc_address=127.0.0.1:0 --metrics_address=127.0.0.1:0 --plaintext \
    --port_file="$state/$name.port" --log_level=warn "$@" > "$state/$name.log" 2>&1 &
  stack_pids+=($!)
  for _ in $(seq 150); do [ -s "$state/$name.port" ] && break; sleep 0.1; done
  [ -s "$state/$name.port" ] || { echo "$name did not start"; cat "$state/$name.log"; exit 2; }
}

# start_backend [extra juesuan-parse flags...]: the service the load goes to,
# per STACK; sets backend_pid and port. With STACK=gateway the flags go to
# juesuan-parse (the CPU-heavy stage) and the gateway is the target.
start_backend() {
  start_server parse "$parse_bin" "$@"
  if [ "$stack" = gateway ]; then
    start_server validate "$validate_bin"
    start_server scoring "$scoring_bin"
    start_server analyze "$analyze_bin" \
      --parse_target="dns:///127.0.0.1:$(cat "$state/parse.port")" \
      --validate_target="dns:///127.0.0.1:$(cat "$state/validate.port")" \
      --scoring_target="dns:///127.0.0.1:$(cat "$state/scoring.port")"
    port=$(cat "$state/analyze.port")
  else
    port=$(cat "$state/parse.port")
  fi
  backend_pid=${stack_pids[-1]}
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# Resident memory of every started process together.
stack_rss_kib() {
  local pid total=0
  for pid in "${stack_pids[@]}"; do total=$((total + $(rss_kib "$pid"))); done
  echo "$total"
}
