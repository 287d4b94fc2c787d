#!/usr/bin/env bash
# Configures (Ninja) and builds juesuan into ${BUILD_DIR:-build}.
# JUESUAN_SHARED_DIR defaults to ../shared beside the checkout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-${ROOT}/build}"
SHARED_DIR="${JUESUAN_SHARED_DIR:-${ROOT}/../shared}"
JOBS="${JOBS:-2}"

cmake -S "${ROOT}" -B "${BUILD_DIR}" -G Ninja -DJUESUAN_SHARED_DIR="${SHARED_DIR}"
cmake --build "${BUILD_DIR}" -j"${JOBS}"
