#!/usr/bin/env bash
# Stops exactly the processes deploy/local/up.sh started (the PIDs in its
# state folder, each checked against its recorded start time so a reused PID
# is never signalled): SIGTERM, a bounded wait, SIGKILL for any left, then
# removes the state folder.
#
# Environment: BUILD_DIR, JUESUAN_LOCAL_STATE as for up.sh;
#   JUESUAN_STOP_TIMEOUT  seconds to wait after SIGTERM (default 20)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-${ROOT}/build}"
STATE="${JUESUAN_LOCAL_STATE:-${BUILD_DIR}/local-stack}"
TIMEOUT="${JUESUAN_STOP_TIMEOUT:-20}"

log() { echo "down.sh: $*"; }

# True while PID runs and is still the process that was recorded (a zombie
# has exited and only waits for its parent).
is_ours() {  # pid start-time
  local stat
  stat="$(cat "/proc/$1/stat" 2> /dev/null)" || return 1
  stat="${stat##*) }"                     # fields from 3 (state) on
  read -r -a fields <<< "${stat}"
  [[ "${fields[0]}" != Z && "${fields[19]}" == "$2" ]]
}

wait_gone() {  # seconds pid start-time...
  local deadline=$((SECONDS + $1)) left
  shift
  while :; do
    left=0
    for ((i = 1; i < $#; i += 2)); do
      local pid=${!i} j=$((i + 1))
      is_ours "${pid}" "${!j}" && left=1
    done
    ((left == 0)) && return 0
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

main() {
  if [[ ! -f "${STATE}/pids" ]]; then
    log "nothing recorded in ${STATE}; nothing to stop"
    rm -rf "${STATE}"
    return 0
  fi
  local name pid start targets=() names=()
  while read -r name pid start; do
    [[ -n "${pid}" ]] || continue
    if is_ours "${pid}" "${start}"; then
      kill -TERM "${pid}" 2> /dev/null || true
      targets+=("${pid}" "${start}")
      names+=("${name}:${pid}")
    else
      log "${name} (pid ${pid}) is no longer running"
    fi
  done < "${STATE}/pids"
  ((${#targets[@]} == 0)) || log "sent SIGTERM to ${names[*]}"

  local status=0
  if ((${#targets[@]} > 0)) && ! wait_gone "${TIMEOUT}" "${targets[@]}"; then
    for ((i = 0; i < ${#targets[@]}; i += 2)); do
      if is_ours "${targets[i]}" "${targets[i + 1]}"; then
        log "pid ${targets[i]} still running after ${TIMEOUT}s: SIGKILL"
        kill -KILL "${targets[i]}" 2> /dev/null || true
        status=1
      fi
    done
    wait_gone 5 "${targets[@]}" || { log "error: processes survived SIGKILL"; exit 1; }
  fi
  rm -rf "${STATE}"
  log "stopped; removed ${STATE}"
  return "${status}"
}

main "$@"
