#!/usr/bin/env bash
# The monthly scorecard, for cron: computes one month (the previous one by default) and writes
#   OUT_DIR/<definition name>-<yyyy-mm>.csv, .xlsx, .html, .md and .json
# in one run, logging to stderr, and returns kpi's exit code (0 ok, 1 breach with FAIL_ON, 2 definition or an
# output that cannot be written, 3 data, 4 out of memory or a bug).
#
# A source of which no row could be used (every row rejected, e.g. after the client changed its date format) is
# exit 3 and no scorecard is written (the quality report says why); so are exports whose dates end before the month
# (ALLOW_EMPTY_PERIOD=1 lets such a month through). STRICT=1 also fails the run (exit 3, after writing) when any row
# was rejected; MAX_REJECTED=5% when a source's rejected rows are more than 5% of its rows.
#
#   scripts/monthly-scorecard.sh CONFIG.yaml OUT_DIR [YYYY-MM]
#   FAIL_ON=red scripts/monthly-scorecard.sh kpi-definitions/hotel-housekeeping.yaml /var/reports
#
# LISTS also writes the customers or leads behind KPIs (kpi leads), for the teams that follow them up:
#   LISTS="churn reactivation sales_funnel:responded" …  →  OUT_DIR/<name>-<yyyy-mm>-churn.csv, …-sales_funnel-responded.csv
# (ID for a customers or stalled KPI, ID:STAGE for a funnel stage). A list that fails makes the run fail with its code.
#
# crontab, at 06:00 on the 1st of each month:
#   0 6 1 * *  cd /opt/journey-kpi && FAIL_ON=red scripts/monthly-scorecard.sh kpi-definitions/x.yaml /var/reports 2>>/var/log/kpi.log
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: $0 CONFIG.yaml OUT_DIR [YYYY-MM]" >&2
  exit 2
fi
config="$1"
out="$2"
month="${3:-$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)}"
name="$(basename "$config")"
name="${name%.*}"
log() { printf '%s monthly-scorecard: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

mkdir -p "$out" || { log "cannot create $out"; exit 2; }  # an output that cannot be written: 2, as kpi says
args=(report -c "$config" --period "$month" --quality-report "$out/$name-$month-quality.csv"
  -o "$out/$name-$month.csv" -o "$out/$name-$month.xlsx" -o "$out/$name-$month.html" -o "$out/$name-$month.md"
  -o "$out/$name-$month.json")
[ -n "${FAIL_ON:-}" ] && args+=(--fail-on "$FAIL_ON")
[ "${STRICT:-0}" = 1 ] && args+=(--strict)
[ -n "${MAX_REJECTED:-}" ] && args+=(--max-rejected "$MAX_REJECTED")
empty=()
[ "${ALLOW_EMPTY_PERIOD:-0}" = 1 ] && empty=(--allow-empty-period)
args+=("${empty[@]}")
log "computing $name for $month into $out"
"$root/scripts/kpi" "${args[@]}"
code=$?
if [ "$code" -le 1 ]; then
  for spec in ${LISTS:-}; do
    id="${spec%%:*}"
    stage=""
    [ "$spec" != "$id" ] && stage="${spec#*:}"
    largs=(leads -c "$config" --kpi "$id" --period "$month" --bom -q -o "$out/$name-$month-$id${stage:+-$stage}.csv" "${empty[@]}")
    [ -n "$stage" ] && largs+=(--stage "$stage")
    log "listing $spec"
    "$root/scripts/kpi" "${largs[@]}"
    listed=$?
    if [ "$listed" -ne 0 ]; then
      log "list $spec failed with exit code $listed"
      code=$listed
    fi
  done
fi
case "$code" in
  0) log "done" ;;
  1) log "done; KPI breaches at or below ${FAIL_ON:-} (listed above)" ;;
  3) log "failed with exit code 3: bad data (the lines above say which source and why)" ;;
  *) log "failed with exit code $code" ;;
esac
exit "$code"
