#!/usr/bin/env bash
# Times `sda import` on the C&P manifest and on the synthetic national files, on the
# embedded H2GIS store and (when SDA_BENCH_POSTGIS_URL is set) on PostGIS. Three runs each;
# prints wall-clock seconds per run. Usage: bench/import.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
runs="${RUNS:-3}"
./sda --version >/dev/null   # build once, outside the timings
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bench() { # label region db
  for i in $(seq 1 "$runs"); do
    s=$(date +%s.%N)
    ./sda import --data "$data" --region "$2" --db "$3" >"$tmp/out.log" 2>&1 || { cat "$tmp/out.log"; exit 1; }
    e=$(date +%s.%N)
    printf '%-45s run %d: %6.1f s\n' "$1" "$i" "$(echo "$e - $s" | bc)"
  done
}
bench "C&P, H2GIS" data/cambridgeshire-peterborough.json "jdbc:h2:file:$tmp/cp"
bench "England synthetic (33,755 LSOAs), H2GIS" data/england-synthetic-benchmark.json "jdbc:h2:file:$tmp/nat"
if [ -n "${SDA_BENCH_POSTGIS_URL:-}" ]; then
  bench "C&P, PostGIS" data/cambridgeshire-peterborough.json "$SDA_BENCH_POSTGIS_URL"
  bench "England synthetic (33,755 LSOAs), PostGIS" data/england-synthetic-benchmark.json "$SDA_BENCH_POSTGIS_URL"
fi
