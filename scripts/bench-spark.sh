#!/usr/bin/env bash
# The scale run of issue 18 (docs/engines.md "Performance", "Spark"): the ticket KPIs of scripts/bench.yaml that the
# SQL engines run (count by channel, distinct customers, p90 resolution time by team, mean CSAT, reopen ratio) over
# the benchmark's tickets as Parquet (scripts/BenchParquet.java; 10,000,000 rows by default), measured by Spark in
# local mode, DuckDB and the default engine, one after another in each round (paired: the same load for the three),
# all through scripts/kpi-spark (the same jar and JVM; JAVA_OPTS, default -Xmx8g, for the default engine's heap).
# Prints each run's wall time, CPU time (user + system) and peak resident memory, and checks that the three print
# the same CSV.
#   DATA=/tmp/lake-bench scripts/bench-spark.sh             # 10M rows, 1 round
#   ROWS=1000000 ROUNDS=3 DATA=/tmp/lake-bench scripts/bench-spark.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${ROWS:-10000000}"
rounds="${ROUNDS:-1}"
data="${DATA:-/tmp/lake-bench}"
engines="${ENGINES:-duckdb tablesaw spark}"
kpi="${KPI:-$root/scripts/kpi-spark}"  # or another launcher of the same kpi build
export JAVA_OPTS="${JAVA_OPTS:--Xmx8g}"
kpis=volume,customers,resolution_p90,csat,reopen_rate
dir="$data/tickets-parquet-$rows"
mkdir -p "$data"
"$kpi" --version >/dev/null
if [ ! -d "$dir" ]; then
  echo "writing $rows rows of Parquet into $dir ..." >&2
  java -cp "$root/target/kpi.jar" "$root/scripts/BenchParquet.java" "$dir" "$rows"
fi
yaml="$data/bench-spark-$rows.yaml"
sed -e "s|file: ../bench-data/tickets-1m.csv|file: $dir/*.parquet|" "$root/scripts/bench.yaml" > "$yaml"
for round in $(seq "$rounds"); do
  for engine in $engines; do
    /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" \
      "$kpi" report -c "$yaml" --engine "$engine" --kpi "$kpis" -q -f csv > "$data/out-$engine.csv"
    read -r wall user sys rss < <(tail -1 "$data/time.txt")
    printf 'round %d %-8s %7.1f s wall %7.1f s CPU %6d MiB peak (load average %s)\n' "$round" "$engine" "$wall" \
      "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
  first="$(set -- $engines; echo "$1")"
  for engine in $engines; do
    cmp -s "$data/out-$first.csv" "$data/out-$engine.csv" || echo "DIFFERENT CSV: $first and $engine" >&2
  done
done
