#!/usr/bin/env bash
# Import benchmark: generates a 1,000,000-row, 16-column ticket export (fixed seed, about 140 MB) once, then times
# `scripts/kpi report` on it as a whole process (JVM start, import, six service KPIs reading 10 of the 16 typed
# columns), RUNS times, and
# prints the median wall time and the peak resident memory. Every run parses the file (--no-cache): the import cache's
# warm runs are measured by scripts/bench-cache.sh.
#   scripts/bench.sh            # 1,000,000 rows, 5 runs
#   ROWS=200000 RUNS=3 scripts/bench.sh
#   CONFIG=scripts/bench-breakdown.yaml RUNS=3 scripts/bench.sh   # another definition over the same file
#   CONFIG=scripts/bench-join.yaml RUNS=5 scripts/bench.sh        # the tickets joined to 100,000 customers
#   CONFIG=scripts/bench-join-base.yaml RUNS=5 scripts/bench.sh   # the same KPIs without the join
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${ROWS:-1000000}"
runs="${RUNS:-5}"
config="${CONFIG:-$root/scripts/bench.yaml}"
data="$root/bench-data/tickets-1m.csv"
mkdir -p "$root/bench-data"
"$root/scripts/kpi" --version >/dev/null
if [ ! -f "$data" ] || [ "$(($(wc -l < "$data") - 1))" != "$rows" ]; then
  echo "generating $rows rows into $data ..." >&2
  java "$root/scripts/BenchData.java" "$data" "$rows"
fi
customers="$root/bench-data/customers-100k.csv"
if [ ! -f "$customers" ]; then
  echo "generating 100000 customers into $customers ..." >&2
  java "$root/scripts/BenchCustomers.java" "$customers" 100000
fi
echo "file: $(du -h "$data" | cut -f1), $rows rows" >&2
times=()
peak=0
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$root/bench-data/rss.txt" \
    "$root/scripts/kpi" report -c "$config" -q -f csv --no-cache > /dev/null
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  rss=$(tail -1 "$root/bench-data/rss.txt")
  [ "$rss" -gt "$peak" ] && peak=$rss
  times+=("$t")
  printf 'run %d: %.2f s, peak RSS %d MiB\n' "$i" "$t" "$((rss / 1024))" >&2
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
printf 'median %.2f s over %d runs, peak RSS %d MiB (%s rows)\n' "$median" "$runs" "$((peak / 1024))" "$rows"
