#!/usr/bin/env bash
# The HTML report in real headless Chromium: `juesuan analyze --format html`
# over the seed and a corpus document, then Chromium loads the seed's page
# (no network: the page is self-contained), dumps its DOM and takes a
# screenshot. Checks: the DOM has the findings list, highlighted evidence
# marks linked to findings, the score chart; the screenshot is a PNG.
#   html_chromium.sh JUESUAN_BINARY SHARED_DIR WORK_DIR
set -euo pipefail

JUESUAN="$1"
SHARED="$2"
WORK="$3"
rm -rf "${WORK}"
mkdir -p "${WORK}/in 输入"
cp "${SHARED}/seed/000_0d0d50dd571d51d1.txt" "${WORK}/in 输入/种子 文档（样例）.txt"
cp "${SHARED}/corpus/003/text.txt" "${WORK}/in 输入/社会工作部 2024.txt"

set +e
"${JUESUAN}" analyze "${WORK}/in 输入" --format html --output "${WORK}/out" > "${WORK}/cli.out" 2>&1
status=$?
set -e
if [[ ${status} -ne 0 && ${status} -ne 3 ]]; then
  echo "juesuan analyze failed (${status}):"; cat "${WORK}/cli.out"; exit 1
fi

CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "${CHROMIUM}" ]]; then
  echo "chromium is not installed (scripts/install-deps.sh installs it)"; exit 1
fi

page="${WORK}/out/in 输入_种子 文档（样例）.txt.html"
[[ -f "${page}" ]] || { echo "no page for the seed:"; ls "${WORK}/out"; exit 1; }

chromium_run() {
  timeout 90 "${CHROMIUM}" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-first-run --disable-dev-shm-usage --user-data-dir="$(mktemp -d "${WORK}/profile.XXXX")" \
    "$@" 2> "${WORK}/chromium.err"
}

chromium_run --dump-dom "file://${page}" > "${WORK}/dom.html"
chromium_run --screenshot="${WORK}/seed.png" --window-size=1400,1800 "file://${page}" > /dev/null

fail=0
check() {  # check DESCRIPTION MIN_COUNT PATTERN
  local n
  n=$(grep -o -- "$3" "${WORK}/dom.html" | wc -l)
  if (( n < $2 )); then echo "FAIL: $1 (found ${n} of pattern $3)"; fail=1; else echo "ok: $1 (${n})"; fi
}
check "page loaded (document text present)" 1 '<pre class="doc">'
check "findings listed" 1 '<li class="finding" id="f-'
check "evidence highlighted" 1 '<mark class="ev sev-'
check "highlights link to findings" 1 '<a href="#f-[0-9]*">'
check "findings link to highlights" 1 'class="ev-link" href="#ev-'
check "score chart drawn" 1 '<svg[^>]*class="score-chart"'
check "key figures" 1 'id="figures"'
# Every evidence link points at an element that exists.
for id in $(grep -o 'class="ev-link" href="#ev-[0-9]*"' "${WORK}/dom.html" | sed 's/.*#//; s/"$//' | sort -u); do
  grep -q "id=\"${id}\"" "${WORK}/dom.html" || { echo "FAIL: dangling link #${id}"; fail=1; }
done
if [[ ! -s "${WORK}/seed.png" ]] || [[ "$(head -c 8 "${WORK}/seed.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]]; then
  echo "FAIL: no PNG screenshot"; cat "${WORK}/chromium.err"; fail=1
else
  echo "ok: screenshot ${WORK}/seed.png ($(stat -c %s "${WORK}/seed.png") bytes)"
fi
grep -q 'index.html' <(ls "${WORK}/out") || { echo "FAIL: no index.html"; fail=1; }
exit ${fail}
