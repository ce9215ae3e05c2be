#!/usr/bin/env bash
# The SQL engine's scaling benchmark (issue 17; docs/engines.md "Performance"): the KPIs of scripts/bench.yaml that
# --engine duckdb runs (count by channel, distinct customers, p90 resolution time by team, mean CSAT, reopen ratio;
# not the business-time FRT median) over the ticket export as Parquet at each size, and over the 1M-row CSV for
# comparison; RUNS runs of `scripts/kpi report --engine duckdb -q -f csv` each, printing the median wall time, the
# median CPU time (user + system: on a shared machine the honest measure of the work) and the peak resident memory.
# The Parquet files are written once per size by scripts/BenchParquet.java (100M rows: about 3.3 GB, 20 minutes on a
# loaded 2-core machine).
#   scripts/bench-duckdb.sh                          # 1M, 10M, 100M rows, 3 runs each
#   SIZES="1000000 10000000" RUNS=1 scripts/bench-duckdb.sh
#   DATA=/tmp/lake-bench scripts/bench-duckdb.sh     # where the Parquet files go (default bench-data/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${SIZES:-1000000 10000000 100000000}"
runs="${RUNS:-3}"
data="${DATA:-$root/bench-data}"
kpis=volume,customers,resolution_p90,csat,reopen_rate
mkdir -p "$data"
"$root/scripts/kpi" --version >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# One definition per input: bench.yaml with its file: pointed at it (the KPIs are bench.yaml's, unchanged).
measure() {
  local label="$1" file="$2"
  local yaml="$data/bench-duckdb-$label.yaml"
  sed -e "s|file: ../bench-data/tickets-1m.csv|file: $file|" "$root/scripts/bench.yaml" > "$yaml"
  local walls=() cpus=() peak=0
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" \
      "$root/scripts/kpi" report -c "$yaml" --engine duckdb --kpi "$kpis" -q -f csv > "$data/out-$label.csv"
    read -r wall user sys rss < <(tail -1 "$data/time.txt")
    walls+=("$wall")
    cpus+=("$(echo "$user + $sys" | bc)")
    [ "$rss" -gt "$peak" ] && peak=$rss
    printf '%s run %d: %.1f s wall, %.1f s CPU, peak RSS %d MiB\n' "$label" "$i" "$wall" "$(echo "$user + $sys" | bc)" \
      "$((rss / 1024))" >&2
  done
  printf '%-14s median %6.1f s wall, %6.1f s CPU, peak RSS %5d MiB over %d runs (load average %s)\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$((peak / 1024))" "$runs" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}
if [ -f "$root/bench-data/tickets-1m.csv" ]; then
  measure csv-1m "$root/bench-data/tickets-1m.csv"
fi
for n in $sizes; do
  dir="$data/tickets-parquet-$n"
  if [ ! -d "$dir" ]; then
    echo "writing $n rows of Parquet into $dir ..." >&2
    java -cp "$root/target/kpi.jar" "$root/scripts/BenchParquet.java" "$dir" "$n"
  fi
  measure "parquet-$n" "$dir/*.parquet"
done
