# Shared by the bench/faults scripts: where the binaries and the document are;
# start juesuan-parse on loopback with a port file, and stop it (and only it)
# on exit.
build=${BUILD:-build}
doc=${DOC:-${JUESUAN_SHARED_DIR:-../shared}/seed/000_0d0d50dd571d51d1.txt}
[ -f "$doc" ] || { echo "no document $doc (set DOC or JUESUAN_SHARED_DIR)"; exit 2; }
parse_bin="$build/services/parse/service/juesuan-parse"
validate_bin="$build/services/validate/service/juesuan-validate"
scoring_bin="$build/services/scoring/service/juesuan-scoring"
analyze_bin="$build/services/analyze/service/juesuan-analyze"
load_bin="$build/bench/load/juesuan_load"
faults_bin="$build/bench/faults/juesuan_faults"
state=$(mktemp -d)
backend_pid=""
cleanup() {
  if [ -n "$backend_pid" ]; then
    kill "$backend_pid" 2>/dev/null || true
    wait "$backend_pid" 2>/dev/null || true
  fi
  rm -rf "$state"
}
trap cleanup EXIT

# start_backend [extra juesuan-parse flags...]: sets backend_pid and port.
start_backend() {
  "$parse_bin" --grpc_address=127.0.0.1:0 --metrics_address=127.0.0.1:0 --plaintext \
    --port_file="$state/port" --log_level=warn "$@" > "$state/backend.log" 2>&1 &
  backend_pid=$!
  for _ in $(seq 150); do [ -s "$state/port" ] && break; sleep 0.1; done
  [ -s "$state/port" ] || { echo "juesuan-parse did not start"; cat "$state/backend.log"; exit 2; }
  port=$(cat "$state/port")
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
