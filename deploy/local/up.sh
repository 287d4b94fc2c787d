#!/usr/bin/env bash
# Starts the local stack on loopback: every juesuan service binary found in the
# build tree and a Prometheus (Debian package) scraping them with the rules of
# deploy/prometheus. Waits until every service answers its health check and
# Prometheus has scraped each of them, then records the PIDs for down.sh.
#
#   deploy/local/up.sh            # conventional ports (parse 50051/9464 …, Prometheus 9090)
#
# Environment:
#   BUILD_DIR                build tree (default: <checkout>/build)
#   JUESUAN_LOCAL_STATE      state folder: pids, logs, Prometheus config and data
#                            (default: ${BUILD_DIR}/local-stack)
#   JUESUAN_PORT_OFFSET      added to every port (default 0), to run beside another stack
#   JUESUAN_START_TIMEOUT    seconds to wait for health (default 60)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-${ROOT}/build}"
STATE="${JUESUAN_LOCAL_STATE:-${BUILD_DIR}/local-stack}"
OFFSET="${JUESUAN_PORT_OFFSET:-0}"
TIMEOUT="${JUESUAN_START_TIMEOUT:-60}"
PROBE="${BUILD_DIR}/tools/grpc_probe"

# name grpc-port metrics-port health-service-name
SERVICES=(
  "analyze 50050 9463 juesuan.analyze.v1.AnalyzeService"
  "parse 50051 9464 juesuan.parse.v1.ParseService"
  "validate 50052 9465 juesuan.validate.v1.ValidateService"
  "scoring 50053 9466 juesuan.scoring.v1.ScoringService"
)
PROMETHEUS_PORT=$((9090 + OFFSET))

log() { echo "up.sh: $*"; }
fail() {
  echo "up.sh: error: $*" >&2
  "${ROOT}/deploy/local/down.sh" || true
  exit 1
}

# Start time of a process (field 22 of /proc/PID/stat): down.sh signals a PID
# only while it still names the process started here.
start_time() {
  local stat
  stat="$(cat "/proc/$1/stat")"
  stat="${stat##*) }"  # fields from 3 (state) on; the command name may hold spaces
  read -r -a fields <<< "${stat}"
  echo "${fields[19]}"
}

record_pid() {  # name pid
  echo "$1 $2 $(start_time "$2")" >> "${STATE}/pids"
}

ensure_prometheus() {
  command -v prometheus > /dev/null && return 0
  log "prometheus not found: installing the Debian package"
  local sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo)
  { "${sudo[@]}" apt-get update &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y --no-install-recommends prometheus; } > "${STATE}/apt.log" 2>&1 ||
    fail "apt-get install prometheus failed (see ${STATE}/apt.log)"
}

find_binary() {  # name -> path of build/services/<name>/**/juesuan-<name>
  [[ -d "${BUILD_DIR}/services/$1" ]] || return 0
  find "${BUILD_DIR}/services/$1" -type f -name "juesuan-$1" -perm -u+x -print -quit
}

# Flags only some binaries have (configuration files, gateway targets) are
# passed when the binary lists them in --helpfull.
has_flag() { grep -q -- "-$2 " <<< "$("$1" --helpfull 2>&1 || true)"; }

start_service() {  # name grpc metrics binary
  local name=$1 grpc=$(($2 + OFFSET)) metrics=$(($3 + OFFSET)) binary=$4
  local args=(--grpc_address="127.0.0.1:${grpc}" --metrics_address="127.0.0.1:${metrics}"
              --shutdown_grace=5s)
  # Worker pools belong to the backends; the gateway does no work on a pool.
  if has_flag "${binary}" workers; then
    args+=(--workers=2 --queue_size=16)
  fi
  local config="${ROOT}/deploy/kustomize/base/config/${name}.json"
  if [[ -f "${config}" ]] && has_flag "${binary}" "${name}_config"; then
    args+=(--"${name}_config=${config}")
  fi
  if [[ "${name}" == analyze ]]; then
    args+=(--parse_target="dns:///127.0.0.1:$((50051 + OFFSET))"
           --validate_target="dns:///127.0.0.1:$((50052 + OFFSET))"
           --scoring_target="dns:///127.0.0.1:$((50053 + OFFSET))")
  fi
  "${binary}" "${args[@]}" < /dev/null > "${STATE}/${name}.log" 2>&1 &
  record_pid "${name}" "$!"
  log "started juesuan-${name} (pid $!) grpc 127.0.0.1:${grpc} metrics 127.0.0.1:${metrics}"
}

pid_of() { awk -v n="$1" '$1 == n {print $2}' "${STATE}/pids"; }

wait_healthy() {  # name grpc health
  local name=$1 grpc=$(($2 + OFFSET)) health=$3 deadline=$((SECONDS + TIMEOUT))
  until "${PROBE}" --timeout_ms=1000 "127.0.0.1:${grpc}" "${health}" > /dev/null 2>&1; do
    kill -0 "$(pid_of "${name}")" 2> /dev/null ||
      fail "juesuan-${name} exited: $(tail -n 5 "${STATE}/${name}.log")"
    ((SECONDS < deadline)) || fail "juesuan-${name} not healthy after ${TIMEOUT}s"
    sleep 0.5
  done
  log "juesuan-${name} is SERVING"
}

prometheus_query() {  # PromQL -> JSON
  curl -sf --max-time 2 "http://127.0.0.1:${PROMETHEUS_PORT}/api/v1/query" --data-urlencode "query=$1"
}

start_prometheus() {
  local dir="${STATE}/prometheus"
  mkdir -p "${dir}/data"
  cp "${ROOT}/deploy/prometheus/rules.yml" "${dir}/rules.yml"
  # The same scrape configuration with the ports moved by the offset.
  awk -v off="${OFFSET}" '{
        while (match($0, /127\.0\.0\.1:[0-9]+/)) {
          port = substr($0, RSTART + 10, RLENGTH - 10) + off
          $0 = substr($0, 1, RSTART - 1) "127.0.0.1#" port substr($0, RSTART + RLENGTH)
        }
        gsub(/127\.0\.0\.1#/, "127.0.0.1:"); print
      }' "${ROOT}/deploy/prometheus/prometheus.yml" > "${dir}/prometheus.yml"
  prometheus --config.file="${dir}/prometheus.yml" --storage.tsdb.path="${dir}/data" \
    --web.listen-address="127.0.0.1:${PROMETHEUS_PORT}" --storage.tsdb.retention.time=1d \
    < /dev/null > "${STATE}/prometheus.log" 2>&1 &
  record_pid prometheus "$!"
  log "started prometheus (pid $!) http://127.0.0.1:${PROMETHEUS_PORT}"
}

wait_prometheus_ready() {
  local deadline=$((SECONDS + TIMEOUT))
  until curl -sf --max-time 2 "http://127.0.0.1:${PROMETHEUS_PORT}/-/ready" > /dev/null; do
    kill -0 "$(pid_of prometheus)" 2> /dev/null ||
      fail "prometheus exited: $(tail -n 5 "${STATE}/prometheus.log")"
    ((SECONDS < deadline)) || fail "prometheus not ready after ${TIMEOUT}s"
    sleep 0.5
  done
  log "prometheus is ready"
}

wait_scraped() {  # name: until up{job="juesuan-<name>"} == 1
  local deadline=$((SECONDS + TIMEOUT))
  until prometheus_query "up{job=\"juesuan-$1\"} == 1" | grep -q '"value"'; do
    ((SECONDS < deadline)) || fail "prometheus has not scraped juesuan-$1 after ${TIMEOUT}s"
    sleep 0.5
  done
  log "prometheus scrapes juesuan-$1"
}

main() {
  if [[ -s "${STATE}/pids" ]]; then
    echo "up.sh: a stack is already recorded in ${STATE}/pids; run deploy/local/down.sh first" >&2
    exit 1
  fi
  [[ -x "${PROBE}" ]] || { echo "up.sh: ${PROBE} not built (cmake --build build --target grpc_probe)" >&2; exit 1; }
  command -v curl > /dev/null || { echo "up.sh: curl is required" >&2; exit 1; }
  mkdir -p "${STATE}"
  : > "${STATE}/pids"
  ensure_prometheus

  local started=() entry name grpc metrics health binary
  for entry in "${SERVICES[@]}"; do
    read -r name grpc metrics health <<< "${entry}"
    binary="$(find_binary "${name}")"
    if [[ -z "${binary}" ]]; then
      log "skipped juesuan-${name}: not built (no ${BUILD_DIR}/services/${name}/**/juesuan-${name});" \
          "its scrape target stays down"
      continue
    fi
    start_service "${name}" "${grpc}" "${metrics}" "${binary}"
    started+=("${entry}")
  done
  ((${#started[@]} > 0)) || fail "no service binary built under ${BUILD_DIR}/services"
  start_prometheus

  for entry in "${started[@]}"; do
    read -r name grpc metrics health <<< "${entry}"
    wait_healthy "${name}" "${grpc}" "${health}"
  done
  wait_prometheus_ready
  for entry in "${started[@]}"; do
    read -r name _ <<< "${entry}"
    wait_scraped "${name}"
  done
  log "stack up; state in ${STATE}; stop with deploy/local/down.sh"
}

main "$@"
