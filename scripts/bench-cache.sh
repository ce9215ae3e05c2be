#!/usr/bin/env bash
# The import cache's benchmark (issue 21; docs/performance.md "The import cache"): on the 1,000,000-row ticket export
# of scripts/bench.sh, paired runs in turn of
#   cold   kpi report --no-cache                     (parses the CSV, as every run did before the cache)
#   warm   kpi report --cache-dir DIR                (the entry written by a first, untimed run)
#   duckdb kpi report --engine duckdb                (DuckDB reads the CSV itself; the cache plays no part)
# for the KPIs --engine duckdb runs (bench-duckdb.sh's five: count by channel, distinct customers, p90 resolution
# time by team, mean CSAT, reopen ratio), and cold/warm again for all six of scripts/bench.yaml (with the business-hours
# FRT median). Prints the median wall time, the median CPU time (user + system: on a shared machine the honest
# measure of the work) and the peak resident memory of each, and checks that every run printed the same numbers.
#   scripts/bench-cache.sh              # 5 rounds
#   RUNS=9 scripts/bench-cache.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
config="$root/scripts/bench.yaml"
data="$root/bench-data/tickets-1m.csv"
kpis=volume,customers,resolution_p90,csat,reopen_rate
[ -f "$data" ] || { echo "no $data: run scripts/bench.sh once to generate it" >&2; exit 1; }
"$root/scripts/kpi" --version >/dev/null
work="$(mktemp -d "${TMPDIR:-/tmp}/kpi-bench-cache.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cache="$work/cache"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A wall cpu peak
# run LABEL ARGS…: one timed run, its output kept as $work/LABEL.csv (compared with the first of its label's KPIs).
run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$root/scripts/kpi" report -c "$config" -q -f csv "$@" \
    > "$work/$label.csv"
  read -r w u s rss < <(tail -1 "$work/time.txt")
  wall[$label]+="$w "
  cpu[$label]+="$(echo "$u + $s" | bc) "
  [ "${peak[$label]:-0}" -gt "$rss" ] || peak[$label]=$rss
}
# The entries, written once (untimed), as a cron job's first report would.
"$root/scripts/kpi" report -c "$config" -q -f csv --cache-dir "$cache" > /dev/null
"$root/scripts/kpi" report -c "$config" -q -f csv --cache-dir "$cache" --kpi "$kpis" > /dev/null
for i in $(seq "$runs"); do
  run cold5 --no-cache --kpi "$kpis"
  run warm5 --cache-dir "$cache" --kpi "$kpis"
  run duckdb5 --no-cache --engine duckdb --kpi "$kpis"
  run cold6 --no-cache
  run warm6 --cache-dir "$cache"
  cmp -s "$work/cold5.csv" "$work/warm5.csv" || { echo "warm5 differs from cold5" >&2; exit 1; }
  cmp -s "$work/cold6.csv" "$work/warm6.csv" || { echo "warm6 differs from cold6" >&2; exit 1; }
  printf 'round %d done (load average %s)\n' "$i" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
# DuckDB prints the same rows but for the last digits of a mean (its sum is exact, kpi's too, in another order).
if ! cmp -s "$work/cold5.csv" "$work/duckdb5.csv"; then
  echo "note: --engine duckdb's CSV differs from kpi's in bytes; the differing lines:" >&2
  diff "$work/cold5.csv" "$work/duckdb5.csv" >&2 || true
fi
for label in cold5 warm5 duckdb5 cold6 warm6; do
  printf '%-8s median %5.2f s wall, %5.2f s CPU, peak RSS %4d MiB over %d runs\n' "$label" \
    "$(tr ' ' '\n' <<< "${wall[$label]}" | grep . | median)" "$(tr ' ' '\n' <<< "${cpu[$label]}" | grep . | median)" \
    "$((peak[$label] / 1024))" "$runs"
done
echo "entries: $(du -sh "$cache" | cut -f1) in $cache (deleted on exit)"
