#!/usr/bin/env bash
# A fresh Debian 12 machine to a first result: installs the packages, builds
# everything, then analyses the seed document (parse, validate, score) with
# the juesuan CLI.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-${ROOT}/build}"
SHARED_DIR="${JUESUAN_SHARED_DIR:-${ROOT}/../shared}"
export BUILD_DIR JUESUAN_SHARED_DIR="${SHARED_DIR}"

"${ROOT}/scripts/install-deps.sh"
"${ROOT}/scripts/build.sh"
# Exit status 3 means "analysed, with error findings": the set-up worked.
status=0
"${BUILD_DIR}/cli/juesuan" analyze "${SHARED_DIR}/seed/000_0d0d50dd571d51d1.txt" || status=$?
if [[ ${status} -ne 0 && ${status} -ne 3 ]]; then
  exit "${status}"
fi
