#!/usr/bin/env bash
# Builds juesuan and runs every test (unit, service, end-to-end) with ctest.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-${ROOT}/build}"
export BUILD_DIR

"${ROOT}/scripts/build.sh"
ctest --test-dir "${BUILD_DIR}" --output-on-failure --timeout 300
