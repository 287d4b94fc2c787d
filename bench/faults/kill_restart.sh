#!/usr/bin/env bash
# A backend SIGKILLed under load and restarted on the same port.
#   bench/faults/kill_restart.sh [BEFORE_MS] [DOWN_MS] [AFTER_MS]   (env BUILD, DOC, STACK, VICTIM)
# STACK=parse (default): calls straight to juesuan-parse; calls in flight must
# get UNAVAILABLE within their deadline, calls while it is down UNAVAILABLE at
# once, and calls succeed again within 2 s of its return.
# STACK=gateway: Analyze calls through the gateway while VICTIM (parse,
# validate or scoring; default: each in turn) is killed; every call ends with
# a full result or the victim's precise failure within its deadline, and the
# gateway delivers full results again within 2 s of the victim's return.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/faults/lib.sh
before=${1:-3000} down=${2:-2000} after=${3:-3000}
if [ "$stack" != gateway ]; then
  "$faults_bin" kill-restart --parse_binary "$parse_bin" --file "$doc" --concurrency 4 \
    --before_ms "$before" --down_ms "$down" --after_ms "$after" \
    --deadline_ms 5000 --max_recovery_ms 2000
  exit
fi
status=0
for victim in ${VICTIM:-parse validate scoring}; do
  echo "# victim $victim"
  "$faults_bin" gateway-kill-restart --parse_binary "$parse_bin" \
    --validate_binary "$validate_bin" --scoring_binary "$scoring_bin" \
    --analyze_binary "$analyze_bin" --file "$doc" --victim "$victim" --concurrency 4 \
    --before_ms "$before" --down_ms "$down" --after_ms "$after" \
    --deadline_ms 5000 --max_recovery_ms 2000 || status=1
done
exit "$status"
