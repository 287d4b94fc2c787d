#!/usr/bin/env bash
# Copies the repository's validation and scoring configuration into the
# kustomize base, whose configMapGenerator turns them into the juesuan-config
# ConfigMap (mounted at /etc/juesuan/). kustomize reads no file outside its
# folder, hence the copies.
#
#   deploy/kustomize/sync-config.sh           copy
#   deploy/kustomize/sync-config.sh --check   exit 1 if a copy differs from its source
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="${ROOT}/deploy/kustomize/base/config"
# source (in the checkout) -> file in the ConfigMap
PAIRS=(
  "config/validate/default.json validate.json"
  "config/scoring/national.json scoring.json"
)

check=0
[[ "${1:-}" == --check ]] && check=1
found=0
status=0
for pair in "${PAIRS[@]}"; do
  read -r source target <<< "${pair}"
  if [[ ! -f "${ROOT}/${source}" ]]; then
    echo "${source}: not in this checkout"
    continue
  fi
  found=$((found + 1))
  if ((check)); then
    if cmp -s "${ROOT}/${source}" "${DEST}/${target}"; then
      echo "ok ${target} = ${source}"
    else
      echo "DIFFERS: ${DEST}/${target} is not ${source}; run deploy/kustomize/sync-config.sh"
      status=1
    fi
  else
    cp "${ROOT}/${source}" "${DEST}/${target}"
    echo "copied ${source} -> ${DEST}/${target}"
  fi
done
if ((check && found == 0)); then
  echo "SKIPPED: none of the configuration sources is in this checkout yet"
  exit 77
fi
exit "${status}"
