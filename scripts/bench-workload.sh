#!/usr/bin/env bash
# The workload benchmark against plain DuckDB (issue 21; docs/performance.md "Against DuckDB"): three exports of ROWS
# rows each — the tickets of scripts/bench.sh (BenchData), a lead-stage history (BenchStages, leads starting over 270
# days) and orders (BenchOrders), fixed seeds, all ending on 27 October 2026 — and one scorecard over all of them for
# the last complete month (`--period last`: 2026-09): the lead funnel by campaign, FRT median, p90 and mean in
# business hours, handling time, FCR, CSAT, and active, new, churned and reactivated customers
# (scripts/bench-workload.yaml). RUNS paired rounds, each running in turn
#   kpi     scripts/kpi report --period last --no-cache   (parses the three CSV files)
#   duckdb  the same KPIs in plain SQL on DuckDB (scripts/BenchWorkloadDuckDb.java, DuckDB's JDBC jar, in process)
#   warm    scripts/kpi report --period last, import cache warm (the entries written by one untimed run first)
# then prints each one's median wall time, median CPU time (user + system: on a shared machine the honest measure of
# the work) and peak resident memory, the ratios to DuckDB, and whether the numbers agree (scripts/BenchCompare.java:
# every value, numerator, denominator and n of every row, to 1e-9 relative after kpi's rounding to 6 decimals; warm
# runs must print kpi's cold output byte for byte).
#   scripts/bench-workload.sh                     # 1,000,000 rows per export, 5 rounds
#   ROWS=10000000 RUNS=3 scripts/bench-workload.sh
#   KPI_JAVA_OPTS="…" scripts/bench-workload.sh  # kpi with other JVM options (scripts/kpi)
# The files are written once into bench-data/ (shared by every checkout that links it; 1M rows: 146 + 46 + 52 MB,
# 10M: ten times that), each to a temporary name first, so a run beside another never reads half a file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${ROWS:-1000000}"
runs="${RUNS:-5}"
data="$root/bench-data"
case "$rows" in
  1000000) label=1m ;;
  10000000) label=10m ;;
  *) label="$rows" ;;
esac
mkdir -p "$data"
"$root/scripts/kpi" --version >/dev/null
# generate FILE PROGRAM ARGS…: FILE made by `java scripts/PROGRAM.java FILE.tmp ARGS…` unless it holds ROWS rows.
generate() {
  local file="$1" program="$2"; shift 2
  if [ -f "$file" ] && [ "$(($(wc -l < "$file") - 1))" = "$rows" ]; then return; fi
  echo "generating $rows rows into $file ..." >&2
  java "$root/scripts/$program.java" "$file.$$.tmp" "$@"
  mv -f "$file.$$.tmp" "$file"
}
tickets="$data/tickets-$label.csv"
stages="$data/workload-stages-$label.csv"
orders="$data/workload-orders-$label.csv"
generate "$tickets" BenchData "$rows"
generate "$stages" BenchStages "$rows" 270
generate "$orders" BenchOrders "$rows"
work="$(mktemp -d "${TMPDIR:-/tmp}/kpi-bench-workload.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# DuckDB's own JDBC jar from the local Maven repository (kpi's build downloaded it); kpi.jar, which carries the same
# driver, when it is not there.
version="$(sed -n 's|.*<duckdb.version>\(.*\)</duckdb.version>.*|\1|p' "$root/pom.xml")"
duckjar="$(ls "$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$version"/duckdb_jdbc-"$version"*.jar 2>/dev/null | head -1)"
[ -n "$duckjar" ] || duckjar="$root/target/kpi.jar"
javac -d "$work/classes" -cp "$duckjar" "$root/scripts/BenchWorkloadDuckDb.java" "$root/scripts/BenchCompare.java"
config="$work/bench-workload-$label.yaml"
sed -e "s|file: ../bench-data/tickets-1m.csv|file: $tickets|" \
  -e "s|file: ../bench-data/workload-stages-1m.csv|file: $stages|" \
  -e "s|file: ../bench-data/workload-orders-1m.csv|file: $orders|" "$root/scripts/bench-workload.yaml" > "$config"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A wall cpu peak
# run LABEL COMMAND…: one timed run, its output kept as $work/LABEL.csv.
run() {
  local what="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/$what.csv"
  read -r w u s rss < <(tail -1 "$work/time.txt")
  wall[$what]+="$w "
  cpu[$what]+="$(echo "$u + $s" | bc) "
  [ "${peak[$what]:-0}" -gt "$rss" ] || peak[$what]=$rss
  printf '  %-6s %6.2f s wall, %6.2f s CPU, peak RSS %5d MiB\n' "$what" "$w" "$(echo "$u + $s" | bc)" \
    "$((rss / 1024))" >&2
}
kpi=("$root/scripts/kpi" report -c "$config" --period last -q -f csv)
duck=(java -cp "$duckjar:$work/classes" BenchWorkloadDuckDb "$tickets" "$stages" "$orders")
# The cache entries, written once (untimed), as a first report would.
"${kpi[@]}" --cache-dir "$work/cache" > /dev/null
echo "$rows rows per export; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for i in $(seq "$runs"); do
  echo "round $i (load average $(cut -d' ' -f1-3 /proc/loadavg)):" >&2
  run kpi "${kpi[@]}" --no-cache
  run duckdb "${duck[@]}"
  run warm "${kpi[@]}" --cache-dir "$work/cache"
  cmp -s "$work/kpi.csv" "$work/warm.csv" || { echo "the warm run's output differs from the cold one's" >&2; exit 1; }
  [ "$i" = 1 ] && cp "$work/kpi.csv" "$work/kpi-first.csv"
  cmp -s "$work/kpi.csv" "$work/kpi-first.csv" || { echo "kpi's output changed between rounds" >&2; exit 1; }
  # DuckDB's rows come in no fixed order (and a mean's last bits depend on its threads): compared by content.
  java -cp "$work/classes" BenchCompare "$work/kpi.csv" "$work/duckdb.csv" > "$work/compare-$i.txt" || true
  tail -1 "$work/compare-$i.txt" >&2
done
# The mismatches of the last round, if any, and its summary; exit 1 when any round's numbers differed.
agree=0
cat "$work/compare-$runs.txt"
grep -q '^NUMBERS DIFFER' "$work"/compare-*.txt && agree=1
m() { tr ' ' '\n' <<< "$1" | grep . | median; }
printf '%s rows per export, %d paired rounds (load average now %s):\n' "$rows" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
for what in kpi duckdb warm; do
  printf '  %-6s median %6.2f s wall, %6.2f s CPU, peak RSS %5d MiB\n' "$what" "$(m "${wall[$what]}")" \
    "$(m "${cpu[$what]}")" "$((peak[$what] / 1024))"
done
ratio() { printf '%.2f' "$(echo "scale=4; $1 / $2" | bc)"; }
for what in kpi warm; do
  printf '  %-6s ÷ duckdb: wall %s×, CPU %s×, peak RSS %s×\n' "$what" \
    "$(ratio "$(m "${wall[$what]}")" "$(m "${wall[duckdb]}")")" \
    "$(ratio "$(m "${cpu[$what]}")" "$(m "${cpu[duckdb]}")")" "$(ratio "${peak[$what]}" "${peak[duckdb]}")"
done
exit "$agree"
