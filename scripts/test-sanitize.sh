#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer + UndefinedBehaviorSanitizer
# (g++) into ${BUILD_DIR:-build-asan} and runs it with ctest. Any finding
# fails its test. Extra arguments go to ctest (e.g. -L harden, -R validate).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-${ROOT}/build-asan}"
SHARED_DIR="${JUESUAN_SHARED_DIR:-${ROOT}/../shared}"
JOBS="${JOBS:-2}"

# -O1 with line tables only: sanitizer reports keep file:line, and the build
# takes a fraction of RelWithDebInfo's time (it runs in CI beside the normal
# build).
cmake -S "${ROOT}" -B "${BUILD_DIR}" -G Ninja -DJUESUAN_SHARED_DIR="${SHARED_DIR}" \
  -DJUESUAN_SANITIZE=address,undefined -DJUESUAN_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
cmake --build "${BUILD_DIR}" -j"${JOBS}"
# Leaks in process-lifetime singletons of system libraries are not findings.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir "${BUILD_DIR}" --output-on-failure --timeout 600 "$@"
