#!/usr/bin/env bash
# The deploy checks run by ctest (tests/deploy/CMakeLists.txt), one per name:
#
#   check.sh NAME      with ROOT (checkout), BUILD_DIR and WORK (scratch folder) set
#
# Exit 0 pass, 1 fail, 77 skipped because a tool is not installed (the message
# says which and how to install it).
set -euo pipefail

: "${ROOT:?}" "${BUILD_DIR:?}" "${WORK:?}"
NODE_DIR="${WORK}/node"
RENDERED="${WORK}/rendered"
KUSTOMIZATIONS=(base overlays/dev overlays/prod)
PROM="${ROOT}/deploy/prometheus"

skip() { echo "SKIPPED: $*"; exit 77; }
need() {  # tool install-hint
  command -v "$1" > /dev/null || skip "$1 is not installed ($2)"
}

# Installs the npm packages of package-lock.json into ${WORK}/node, once per
# lock file content.
check_node_modules() {
  need node "part of this machine kind; Debian: apt-get install nodejs"
  need npm "part of this machine kind; Debian: apt-get install npm"
  local stamp="${NODE_DIR}/.lock-sha256" want
  want="$(sha256sum "${ROOT}/tests/deploy/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "${stamp}" && "$(cat "${stamp}")" == "${want}" && -d "${NODE_DIR}/node_modules" ]]; then
    echo "node_modules up to date in ${NODE_DIR}"
    return 0
  fi
  rm -rf "${NODE_DIR}"
  mkdir -p "${NODE_DIR}"
  cp "${ROOT}/tests/deploy/package.json" "${ROOT}/tests/deploy/package-lock.json" "${NODE_DIR}/"
  (cd "${NODE_DIR}" && npm ci --no-audit --no-fund)
  echo "${want}" > "${stamp}"
}

check_kustomize_render() {
  need kubectl "preinstalled on development and CI machines (kubectl with kustomize)"
  rm -rf "${RENDERED}"
  mkdir -p "${RENDERED}"
  local k out count
  for k in "${KUSTOMIZATIONS[@]}"; do
    out="${RENDERED}/$(basename "${k}").yaml"
    kubectl kustomize "${ROOT}/deploy/kustomize/${k}" > "${out}"
    count="$(grep -c '^kind:' "${out}")"
    echo "rendered ${k}: ${count} objects -> ${out}"
    ((count > 0)) || { echo "FAILED: ${k} rendered no object"; return 1; }
  done
}

node_run() { NODE_PATH="${NODE_DIR}/node_modules" node "$@"; }

check_schema() {
  node_run "${ROOT}/tests/deploy/validate_manifests.js" "${RENDERED}"/*.yaml
}

# The checker itself must catch a wrong type, a misspelt field and an unknown
# kind: every object of testdata/invalid.yaml is reported invalid.
check_schema_rejects() {
  local output
  if output="$(node_run "${ROOT}/tests/deploy/validate_manifests.js" "${ROOT}/tests/deploy/testdata/invalid.yaml")"; then
    echo "${output}"
    echo "FAILED: invalid manifests were accepted"
    return 1
  fi
  echo "${output}"
  grep -q '^3 objects checked, 3 invalid$' <<< "${output}" || { echo "FAILED: expected 3 of 3 invalid"; return 1; }
}

check_policy() {
  node_run "${ROOT}/tests/deploy/check_policy.js" "${RENDERED}"/*.yaml
}

check_yamllint() {
  need yamllint "apt-get install yamllint"
  cd "${ROOT}"
  yamllint --strict -c tests/deploy/yamllint.yml deploy/ tests/deploy/
  echo "yamllint: deploy/ and tests/deploy/ clean"
}

check_promtool_config() {
  need promtool "apt-get install prometheus"
  promtool check config "${PROM}/prometheus.yml"
}

check_promtool_rules() {
  need promtool "apt-get install prometheus"
  promtool check rules "${PROM}/rules.yml"
}

check_promtool_test() {
  need promtool "apt-get install prometheus"
  (cd "${PROM}" && promtool test rules rules_test.yml)
  node_run "${ROOT}/tests/deploy/check_alert_tests.js" "${PROM}/rules.yml" "${PROM}/rules_test.yml"
}

check_dashboard() {
  need promtool "apt-get install prometheus"
  need node "part of this machine kind; Debian: apt-get install nodejs"
  node "${ROOT}/tests/deploy/dashboard_exprs.js" "${PROM}/grafana-dashboard.json" \
    --rules "${WORK}/dashboard-expressions.yml"
  promtool check rules "${WORK}/dashboard-expressions.yml"
}

# The ConfigMap's files are copies of the repository's configuration.
check_config_in_sync() {
  "${ROOT}/deploy/kustomize/sync-config.sh" --check
}

check_docker_runtime_libs() {
  "${ROOT}/tests/deploy/docker_runtime_libs.sh"
}

check_local_stack_e2e() {
  "${ROOT}/tests/deploy/local_stack_e2e.sh"
}

name="${1:?usage: check.sh NAME}"
mkdir -p "${WORK}"
"check_${name}"
