#!/usr/bin/env bash
# Builds every libFuzzer target with clang-14 (ASan + UBSan + libFuzzer) and
# runs each for a short time on seeds made from the shared corpus. A crash or
# a sanitizer report fails the run. Longer runs: FUZZ_SECONDS=1800.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${JUESUAN_SHARED_DIR:-${ROOT}/../shared}"
BUILD="${FUZZ_BUILD_DIR:-${ROOT}/build-fuzz}"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-20}"

CC=clang-14 CXX=clang++-14 cmake -S "${ROOT}" -B "${BUILD}" -G Ninja -DJUESUAN_FUZZ=ON \
  -DBUILD_TESTING=OFF -DJUESUAN_BUILD_BENCH=OFF -DJUESUAN_SHARED_DIR="${SHARED}" >/dev/null
mapfile -t targets < <(cmake --build "${BUILD}" --target help | sed -n 's/^\(fuzz_[a-z_]*\):.*/\1/p' | sort -u)
cmake --build "${BUILD}" -j2 --target "${targets[@]}"

seeds="$(mktemp -d)"
trap 'rm -rf "${seeds}"' EXIT
sh "${ROOT}/fuzz/seeds.sh" "${SHARED}" "${seeds}" >/dev/null
for target in "${targets[@]}"; do
  binary="$(find "${BUILD}/fuzz" -name "${target}" -type f -perm -u+x | head -n1)"
  kind="${target#fuzz_}"
  corpus="${seeds}/${kind}"
  mkdir -p "${corpus}"
  echo "== ${target}: ${SECONDS_PER_TARGET}s"
  status=0
  "${binary}" -max_total_time="${SECONDS_PER_TARGET}" -rss_limit_mb=2048 -timeout=20 \
    -print_final_stats=1 "${corpus}" > "${seeds}/${target}.log" 2>&1 || status=$?
  grep -E 'stat::number_of_executed_units|ERROR|SUMMARY' "${seeds}/${target}.log" || true
  if [[ "${status}" -ne 0 ]]; then
    tail -n 40 "${seeds}/${target}.log"
    exit "${status}"
  fi
done
echo "fuzz smoke: ${#targets[@]} targets, no crash"
