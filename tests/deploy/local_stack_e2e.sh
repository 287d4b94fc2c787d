#!/usr/bin/env bash
# End-to-end check of the local stack: deploy/local/up.sh starts the built
# services and Prometheus on loopback (ports moved by JUESUAN_PORT_OFFSET so a
# developer's own stack can keep running), documents are parsed through
# juesuan-parse and analysed through juesuan-analyze with the juesuan CLI, and
# Prometheus's HTTP API must show exactly those calls in every service's
# grpc_server_handled_total and the matching moves of
# juesuan_parse_documents_total. Every dashboard expression must evaluate, and
# no rule may fail. Then down.sh stops the stack and nothing may be left.
#
# Environment: ROOT, BUILD_DIR, WORK.
set -euo pipefail

: "${ROOT:?}" "${BUILD_DIR:?}" "${WORK:?}"
export BUILD_DIR
export JUESUAN_LOCAL_STATE="${WORK}/local-stack"
export JUESUAN_PORT_OFFSET="${JUESUAN_PORT_OFFSET:-100}"
SHARED="${JUESUAN_SHARED_DIR:-${ROOT}/../shared}"
CLI="${BUILD_DIR}/cli/juesuan"
PARSE_ADDRESS="127.0.0.1:$((50051 + JUESUAN_PORT_OFFSET))"
PROMETHEUS="http://127.0.0.1:$((9090 + JUESUAN_PORT_OFFSET))"
SERVICE="juesuan.parse.v1.ParseService"

if ! command -v prometheus > /dev/null && [[ "$(id -u)" -ne 0 ]]; then
  echo "SKIPPED: prometheus is not installed and cannot be installed without root (apt-get install prometheus)"
  exit 77
fi
for f in "${CLI}" "${BUILD_DIR}/tools/grpc_probe"; do
  [[ -x "${f}" ]] || { echo "FAILED: ${f} is not built"; exit 1; }
done

fail() { echo "FAILED: $*"; exit 1; }

# Leaves nothing behind whatever happens; the final check repeats it strictly.
cleanup() {
  if [[ -d "${JUESUAN_LOCAL_STATE}" ]]; then
    for log in "${JUESUAN_LOCAL_STATE}"/*.log; do
      [[ -f "${log}" ]] && { echo "--- ${log} (last lines)"; tail -n 5 "${log}"; }
    done
    "${ROOT}/deploy/local/down.sh" || true
  fi
}
trap cleanup EXIT

# PromQL -> the value of its single sample ("" when there is none).
query_value() {
  curl -sf --max-time 5 "${PROMETHEUS}/api/v1/query" --data-urlencode "query=$1" |
    node -e 'const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
             if (d.status !== "success") process.exit(1);
             const r = d.data.result; if (r.length) console.log(r[0].value[1]);'
}

wait_for_value() {  # PromQL expected seconds
  local deadline=$((SECONDS + $3)) got=""
  while ((SECONDS < deadline)); do
    got="$(query_value "$1" || true)"
    [[ "${got}" == "$2" ]] && return 0
    sleep 1
  done
  fail "${1} = '${got}', expected $2 within $3 s"
}

# INVALID_ARGUMENT -> InvalidArgument (the grpc_code label spelling).
grpc_code_label() {
  local word out=""
  for word in ${1//_/ }; do
    word="${word,,}"
    out+="${word^}"
  done
  echo "${out}"
}

# juesuan_parse_documents_total's outcome for a status (see README Metrics).
outcome_of() {
  case "$1" in
    INVALID_ARGUMENT | FAILED_PRECONDITION | RESOURCE_EXHAUSTED | OUT_OF_RANGE) echo rejected ;;
    *) echo error ;;
  esac
}

"${ROOT}/deploy/local/up.sh"
mapfile -t started < <(awk '{print $1 " " $2 " " $3}' "${JUESUAN_LOCAL_STATE}/pids")
grep -q '^parse ' "${JUESUAN_LOCAL_STATE}/pids" || fail "juesuan-parse was not started"

# Documents: the seed (text) twice, a corpus PDF, and two texts that are not
# 决算 disclosures, which the service must refuse with INVALID_ARGUMENT.
junk="${WORK}/not-a-disclosure.txt"
printf 'shopping list\nrice 2 kg\ntea 100 g\n' > "${junk}"
documents=("${SHARED}/seed/000_0d0d50dd571d51d1.txt" "${SHARED}/seed/000_0d0d50dd571d51d1.txt"
           "$(find "${SHARED}/corpus/001" -name '*.pdf' -print -quit)" "${junk}" "${junk}")
declare -A expected_codes=() expected_documents=()
before_rejected="$(query_value "sum(juesuan_parse_documents_total{outcome=\"rejected\"})")"
before_ok="$(query_value "sum(juesuan_parse_documents_total{outcome=\"ok\"})")"
[[ "${before_ok}" == 0 && "${before_rejected}" == 0 ]] ||
  fail "a fresh juesuan-parse should report no documents (ok=${before_ok} rejected=${before_rejected})"

for document in "${documents[@]}"; do
  [[ -f "${document}" ]] || fail "missing input ${document}"
  format=text
  [[ "${document}" == *.pdf ]] && format=pdf
  if "${CLI}" parse "${document}" --remote "${PARSE_ADDRESS}" --deadline 60 > /dev/null 2> "${WORK}/cli.err"; then
    code=OK outcome=ok
  else
    # The status the CLI printed, e.g. INVALID_ARGUMENT (a PDF may be
    # UNIMPLEMENTED in a build without the PDF reader): what the server
    # metrics must then show.
    status="$(sed -n 's/^error: \([A-Z_]*\):.*/\1/p' "${WORK}/cli.err" | head -n 1)"
    [[ -n "${status}" ]] || fail "parse ${document}: $(cat "${WORK}/cli.err")"
    code="$(grpc_code_label "${status}")"
    outcome="$(outcome_of "${status}")"
  fi
  echo "parsed $(basename "${document}"): ${code} (${format} ${outcome})"
  expected_codes["${code}"]=$((${expected_codes["${code}"]:-0} + 1))
  expected_documents["${format} ${outcome}"]=$((${expected_documents["${format} ${outcome}"]:-0} + 1))
done
[[ "${expected_codes[OK]:-0}" -ge 2 && "${expected_codes[InvalidArgument]:-0}" -eq 2 ]] ||
  fail "unexpected outcomes: OK=${expected_codes[OK]:-0} InvalidArgument=${expected_codes[InvalidArgument]:-0}"

total=${#documents[@]}
wait_for_value "sum(grpc_server_handled_total{grpc_service=\"${SERVICE}\"})" "${total}" 30
echo "ok grpc_server_handled_total{grpc_service=\"${SERVICE}\"} = ${total}"
for code in "${!expected_codes[@]}"; do
  wait_for_value "sum(grpc_server_handled_total{grpc_service=\"${SERVICE}\",grpc_method=\"ParseDocument\",grpc_code=\"${code}\"})" \
    "${expected_codes[${code}]}" 10
  echo "ok grpc_code=${code}: ${expected_codes[${code}]}"
done
wait_for_value "sum(juesuan_parse_documents_total)" "${total}" 10
for key in "${!expected_documents[@]}"; do
  read -r format outcome <<< "${key}"
  wait_for_value "juesuan_parse_documents_total{job=\"juesuan-parse\",format=\"${format}\",outcome=\"${outcome}\"}" \
    "${expected_documents[${key}]}" 10
  echo "ok juesuan_parse_documents_total{format=\"${format}\",outcome=\"${outcome}\"} = ${expected_documents[${key}]}"
done
wait_for_value "sum(grpc_server_handling_seconds_count{grpc_service=\"${SERVICE}\"})" "${total}" 10
wait_for_value "sum(juesuan_parse_input_bytes_count)" "${total}" 10

# Analyses through the gateway: each one calls parse once, then validate and
# scoring once each; every service's counter must show exactly those calls.
ANALYZE_ADDRESS="127.0.0.1:$((50050 + JUESUAN_PORT_OFFSET))"
analyses=3
for _ in $(seq "${analyses}"); do
  status=0
  "${CLI}" analyze "${SHARED}/seed/000_0d0d50dd571d51d1.txt" --remote "${ANALYZE_ADDRESS}" \
    --format json > "${WORK}/analyze.json" 2> "${WORK}/cli.err" || status=$?
  # 0: no error finding; 3: analysed with error findings. Anything else failed.
  [[ "${status}" -eq 0 || "${status}" -eq 3 ]] || fail "analyze: $(cat "${WORK}/cli.err")"
done
wait_for_value "sum(grpc_server_handled_total{grpc_service=\"juesuan.analyze.v1.AnalyzeService\",grpc_method=\"Analyze\",grpc_code=\"OK\"})" \
  "${analyses}" 30
for backend in juesuan.validate.v1.ValidateService juesuan.scoring.v1.ScoringService; do
  wait_for_value "sum(grpc_server_handled_total{grpc_service=\"${backend}\",grpc_code=\"OK\"})" "${analyses}" 30
  echo "ok grpc_server_handled_total{grpc_service=\"${backend}\"} = ${analyses}"
done
wait_for_value "sum(grpc_server_handled_total{grpc_service=\"${SERVICE}\"})" "$((total + analyses))" 30
echo "ok ${analyses} analyses through the gateway reached parse, validate and scoring once each"

# rate() needs two scrapes of a series: wait until every ParseDocument code
# series has them, or the request-rate panel can still be empty.
wait_for_value "count(rate(grpc_server_handled_total{grpc_service=\"${SERVICE}\",grpc_method=\"ParseDocument\"}[1m]))" \
  "${#expected_codes[@]}" 15

# The dashboard's expressions run against the real data; the RPC, document and
# process panels must show series.
node "${ROOT}/tests/deploy/dashboard_exprs.js" "${ROOT}/deploy/prometheus/grafana-dashboard.json" \
  --query "${PROMETHEUS}" --nonempty '^(Requests per second|Documents per second|CPU|Resident memory|Instances up)'

# No recording rule or alert may fail to evaluate.
curl -sf --max-time 5 "${PROMETHEUS}/api/v1/rules" | node -e '
  const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const rules = d.data.groups.flatMap((g) => g.rules);
  const bad = rules.filter((r) => r.health === "err");
  for (const r of bad) console.log(`rule ${r.name}: ${r.lastError}`);
  console.log(`${rules.length} rules loaded, ${bad.length} failing`);
  process.exit(rules.length > 0 && bad.length === 0 ? 0 : 1);' || fail "rules do not evaluate"

trap - EXIT
"${ROOT}/deploy/local/down.sh"
[[ ! -e "${JUESUAN_LOCAL_STATE}" ]] || fail "down.sh left ${JUESUAN_LOCAL_STATE}"
for entry in "${started[@]}"; do
  read -r name pid start <<< "${entry}"
  if [[ -r "/proc/${pid}/stat" ]]; then
    stat="$(cat "/proc/${pid}/stat")"; stat="${stat##*) }"; read -r -a fields <<< "${stat}"
    [[ "${fields[0]}" == Z || "${fields[19]}" != "${start}" ]] || fail "${name} (pid ${pid}) still running"
  fi
done
curl -s --max-time 2 "${PROMETHEUS}/-/ready" > /dev/null && fail "Prometheus still answers"
"${BUILD_DIR}/tools/grpc_probe" --timeout_ms=500 "${PARSE_ADDRESS}" > /dev/null 2>&1 && fail "juesuan-parse still answers"
echo "ok: ${#started[@]} processes stopped, nothing left running"
