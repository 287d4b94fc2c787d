#!/usr/bin/env bash
# Long fuzzing: every libFuzzer target (text, PDF, DOCX decoders; report-level
# validator and scorer) built with clang-14 + ASan + UBSan, all run at once
# for SECONDS of wall time each, at the lowest CPU priority so that other work
# on the machine keeps its share. Corpora and crash inputs stay in OUT so a
# later run continues where this one stopped.
#   scripts/fuzz-long.sh [SECONDS=1800] [OUT=build-fuzz-long/runs]
# A unit running longer than FUZZ_TIMEOUT seconds of wall time (default 120:
# at the lowest priority on a busy machine, a 0.3 s unit can wait 20 s for
# the CPU) counts as a hang. Each target's final libFuzzer stats and CPU
# seconds are printed at the end;
# a crash input is left as OUT/artifacts-TARGET/crash-* (copy it into
# fuzz/regressions/TARGET/ once fixed: ctest replays that folder).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${JUESUAN_SHARED_DIR:-${ROOT}/../shared}"
BUILD="${FUZZ_BUILD_DIR:-${ROOT}/build-fuzz-long}"
SECONDS_PER_TARGET="${1:-1800}"
OUT="${2:-${BUILD}/runs}"
TARGETS=(fuzz_text fuzz_pdf fuzz_docx fuzz_validate fuzz_score)

# BUILD_TESTING stays on: the report seeds come from the test fixtures.
CC=clang-14 CXX=clang++-14 cmake -S "${ROOT}" -B "${BUILD}" -G Ninja -DJUESUAN_FUZZ=ON \
  -DJUESUAN_BUILD_BENCH=OFF -DJUESUAN_SHARED_DIR="${SHARED}" >/dev/null
cmake --build "${BUILD}" -j2 --target "${TARGETS[@]}" fuzz_report_seeds

mkdir -p "${OUT}/seeds"
sh "${ROOT}/fuzz/seeds.sh" "${SHARED}" "${OUT}/seeds" >/dev/null
mkdir -p "${OUT}/seeds/validate" "${OUT}/seeds/score"
"${BUILD}/fuzz/report/fuzz_report_seeds" "${OUT}/seeds/validate"
cp "${OUT}/seeds/validate/"*.pb "${OUT}/seeds/score/"

pids=()
for target in "${TARGETS[@]}"; do
  kind="${target#fuzz_}"
  corpus="${OUT}/corpus-${target}"
  mkdir -p "${corpus}" "${OUT}/artifacts-${target}"
  cp -n "${OUT}/seeds/${kind}/"* "${corpus}/" 2>/dev/null || true
  if [[ -d "${ROOT}/fuzz/regressions/${target}" ]]; then
    cp -n "${ROOT}/fuzz/regressions/${target}/"* "${corpus}/" 2>/dev/null || true
  fi
  binary="$(find "${BUILD}/fuzz" -name "${target}" -type f -perm -u+x | head -n1)"
  # /usr/bin/time reports the CPU seconds the target really got.
  nice -n 19 /usr/bin/time -f "${target} cpu_user_s %U cpu_sys_s %S wall_s %e max_rss_kib %M" \
    "${binary}" -max_total_time="${SECONDS_PER_TARGET}" -rss_limit_mb=2048 -timeout="${FUZZ_TIMEOUT:-120}" \
    -artifact_prefix="${OUT}/artifacts-${target}/" -print_final_stats=1 "${corpus}" \
    > "${OUT}/${target}.log" 2>&1 &
  pids+=("$!")
done

failed=0
for i in "${!TARGETS[@]}"; do
  wait "${pids[$i]}" || failed=1
done
for target in "${TARGETS[@]}"; do
  echo "== ${target}"
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|cpu_user_s|^SUMMARY|ERROR:' \
    "${OUT}/${target}.log" || true
  echo "corpus_files $(find "${OUT}/corpus-${target}" -type f | wc -l)" \
    "crash_inputs $(find "${OUT}/artifacts-${target}" -type f | wc -l)"
done
exit "${failed}"
