#!/usr/bin/env bash
# Checks deploy/docker/Dockerfile's runtime package list against the built
# binaries: every shared library a service binary loads (ldd) must belong to a
# listed package, to one of their dependencies, or to a package of priority
# "required" (those make up debian:bookworm-slim). Every listed package must
# exist in the apt lists. Binaries not built yet are reported and left out.
#
# Environment: ROOT, BUILD_DIR.
set -euo pipefail

: "${ROOT:?}" "${BUILD_DIR:?}"
DOCKERFILE="${ROOT}/deploy/docker/Dockerfile"

for tool in ldd dpkg dpkg-query apt-cache; do
  command -v "${tool}" > /dev/null || { echo "SKIPPED: ${tool} is not available (Debian only)"; exit 77; }
done

apt-cache show libc6 > /dev/null 2>&1 ||
  { echo "SKIPPED: the apt package lists are empty (run apt-get update)"; exit 77; }

# Package lines of the runtime stage: "      name \" after the last FROM.
mapfile -t listed < <(awk '/^FROM /{stage++} {print stage "\t" $0}' "${DOCKERFILE}" |
  awk -F'\t' -v last="$(grep -c '^FROM ' "${DOCKERFILE}")" \
    '$1 == last && $2 ~ /^ +[a-z0-9][a-z0-9.+-]+ \\$/ {sub(/^ +/, "", $2); sub(/ \\$/, "", $2); print $2}')
((${#listed[@]} > 0)) || { echo "FAILED: no runtime package list found in ${DOCKERFILE}"; exit 1; }
echo "runtime packages listed: ${listed[*]}"

status=0
for package in "${listed[@]}"; do
  apt-cache show "${package}" > /dev/null 2>&1 || { echo "FAILED: ${package} is not a Debian package"; status=1; }
done

# Listed packages and everything they depend on.
declare -A provided=()
while read -r package; do
  provided["${package%%:*}"]=1
done < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
           --no-breaks --no-replaces --no-enhances --no-pre-depends "${listed[@]}" 2> /dev/null |
         grep -v '^ ' | tr -d '<>')
for package in "${listed[@]}"; do provided["${package}"]=1; done

# Library path -> owning package, asked of dpkg once for all paths; a path is
# tried as printed, resolved, and with or without /usr (merged /usr).
declare -A owners=()
index_owners() {  # library paths...
  local path candidates=()
  for path in "$@"; do
    candidates+=("${path}" "$(readlink -f "${path}")" "/usr${path}" "${path#/usr}")
  done
  local package file
  while IFS=': ' read -r package file; do
    owners["${file}"]="${package%%:*}"
  done < <(dpkg -S "${candidates[@]}" 2> /dev/null | sed 's/^\([^:]*\)\(:[a-z0-9]*\)\?: /\1: /')
}
owner() {  # library path -> owning package
  local path=$1 candidate
  for candidate in "${path}" "$(readlink -f "${path}")" "/usr${path}" "${path#/usr}"; do
    [[ -n "${owners[${candidate}]:-}" ]] && { echo "${owners[${candidate}]}"; return 0; }
  done
  return 1
}

checked=0
for service in analyze parse validate scoring; do
  binary="$(find "${BUILD_DIR}/services/${service}" -type f -name "juesuan-${service}" -perm -u+x -print -quit 2> /dev/null || true)"
  if [[ -z "${binary}" ]]; then
    echo "juesuan-${service}: not built, not checked"
    continue
  fi
  checked=$((checked + 1))
  missing=()
  libs=0
  mapfile -t paths < <(ldd "${binary}" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u)
  index_owners "${paths[@]}"
  for lib in "${paths[@]}"; do
    libs=$((libs + 1))
    package="$(owner "${lib}")" || { missing+=("${lib} (no package)"); continue; }
    [[ -n "${provided[${package}]:-}" ]] && continue
    [[ "$(dpkg-query -W -f='${Priority}' "${package}" 2> /dev/null)" == required ]] && continue
    missing+=("${lib} (${package})")
  done
  if ((${#missing[@]} == 0)); then
    echo "ok juesuan-${service}: ${libs} shared libraries, all provided"
  else
    echo "FAILED juesuan-${service}: not provided by the runtime image: ${missing[*]}"
    status=1
  fi
done
((checked > 0)) || { echo "FAILED: no service binary built under ${BUILD_DIR}/services"; exit 1; }
exit "${status}"
