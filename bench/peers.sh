#!/usr/bin/env bash
# The planner against its peers on the same files, in one run (issue 18): the `sda` commands,
# a GeoPandas script (bench/peers/geopandas_peer.py, Debian's python3-geopandas) and the PostGIS
# SQL (bench/peers/*.sql), each timed as a whole process, RUNS times each, interleaved. Prints
# the medians and the ratios the issue's targets are stated in, and checks that the answers agree
# (dominant PCN per LSOA: planner, GeoPandas and PostGIS; overlay pieces: GeoPandas and PostGIS).
# Exits 1 when the dominant PCNs disagree.
#
# Usage: bench/peers.sh [DATA_DIR]      (default $SDA_DATA_DIR or ../shared/data)
#   RUNS=3                     repetitions of every timed step
#   PEERS_REGIONS="england-synthetic-benchmark cambridgeshire-peterborough"   manifests under data/
#   SDA_BENCH_POSTGIS_URL      PostGIS server (default: the one .ci/postgis.sh starts); the
#                              script works in its own schema, sda_peers, and drops it at the end
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-${SDA_DATA_DIR:-../shared/data}}"
runs="${RUNS:-3}"
regions="${PEERS_REGIONS:-england-synthetic-benchmark cambridgeshire-peterborough}"
py=/usr/bin/python3   # Debian's python, where python3-geopandas lives (not a pyenv one on PATH)
schema=sda_peers

# ---- what it needs, installed once (outside the lock and the timings)
if ! "$py" -c 'import geopandas' 2>/dev/null; then
  echo "Installing python3-geopandas from Debian's packages …" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-geopandas >/tmp/sda-peers-apt.log 2>&1 \
    || { cat /tmp/sda-peers-apt.log >&2; exit 1; }
fi
pg="${SDA_BENCH_POSTGIS_URL:-jdbc:postgresql://127.0.0.1:55432/sda?user=postgres}"
[[ "$pg" =~ ^jdbc:postgresql://([^:/]+):([0-9]+)/([^?]+)\?user=([^&]+)$ ]] \
  || { echo "SDA_BENCH_POSTGIS_URL: expected jdbc:postgresql://HOST:PORT/DB?user=USER, found $pg" >&2; exit 2; }
psql_args=(-X -q -v ON_ERROR_STOP=1 -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[2]}" -d "${BASH_REMATCH[3]}" -U "${BASH_REMATCH[4]}")
if ! psql "${psql_args[@]}" -c 'SELECT postgis_lib_version()' >/dev/null 2>&1; then
  [ -z "${SDA_BENCH_POSTGIS_URL:-}" ] || { echo "cannot reach PostGIS at $pg" >&2; exit 1; }
  bash .ci/postgis.sh >/dev/null
fi
./sda --version >/dev/null   # build the jar once, outside the timings

tmp="$(mktemp -d)"
cleanup() {
  psql "${psql_args[@]}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
times="$tmp/times.tsv"
: >"$times"

# timed KEY REGION COMMAND…: one whole process, its output to the log (shown if it fails)
timed() {
  local key="$1" region="$2" s e
  shift 2
  s=$(date +%s.%N)
  "$@" >>"$tmp/$region/log" 2>&1 || { tail -n 40 "$tmp/$region/log" >&2; echo "failed: $*" >&2; exit 1; }
  e=$(date +%s.%N)
  printf '%s\t%s\t%s\n' "$region" "$key" "$(echo "$e - $s" | bc)" >>"$times"
  printf '  %-24s %7.2f s\n' "$key" "$(echo "$e - $s" | bc)"
}
sql_to() { # SQL_FILE OUT_CSV: the query's rows as CSV, through psql, as an analyst would export them
  psql "${psql_args[@]}" -c "SET search_path = $schema, public" -c "COPY ($(cat "$1")) TO STDOUT (FORMAT csv, HEADER)" >"$2"
}

bench_region() {
  local region="$1" manifest="data/$1.json" out="$tmp/$1" store
  mkdir -p "$out"
  echo "== $region ($manifest)"
  # PostGIS: loaded once, untimed in the comparison, by the planner's own import (same reading,
  # reprojection and repairs as the H2GIS store gets), then ANALYZE
  psql "${psql_args[@]}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" 2>/dev/null
  timed "load into PostGIS" "$region" ./sda import --data "$data" --region "$manifest" --db "$pg&currentSchema=$schema,public"
  psql "${psql_args[@]}" -c "SET search_path = $schema, public" -c "ANALYZE"
  for i in $(seq 1 "$runs"); do
    echo " run $i"
    store="$tmp/store-$region-$i"   # a new store every run: files → answers, as a first-time user
    timed "sda import" "$region" ./sda import --data "$data" --region "$manifest" --db "jdbc:h2:file:$store/sda"
    timed "sda dominance" "$region" ./sda dominance --db "jdbc:h2:file:$store/sda" --out "$out/sda-dominance.csv"
    timed "sda blocks" "$region" ./sda blocks --db "jdbc:h2:file:$store/sda" --out "$out/sda-blocks.geojson"
    rm -rf "$store"
    timed "geopandas dominance" "$region" "$py" bench/peers/geopandas_peer.py dominance "$manifest" "$data" "$out/gp-dominance"
    timed "geopandas all" "$region" "$py" bench/peers/geopandas_peer.py all "$manifest" "$data" "$out/gp-all"
    timed "postgis dominance" "$region" sql_to bench/peers/dominance.sql "$out/pg-dominance.csv"
    timed "postgis overlay" "$region" sql_to bench/peers/overlay.sql "$out/pg-pieces.csv"
  done
}

# every timing through the shared bench lock, so that two benchmarks never overlap
exec 9>/tmp/sda-bench.lock
flock -n 9 || { echo "waiting for /tmp/sda-bench.lock (another benchmark is running) …" >&2; flock 9; }
echo "peers.sh $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD), $(nproc) cores"
echo "uptime at start: $(uptime)"
for r in $regions; do
  bench_region "$r"
done
echo "uptime at end:   $(uptime)"
"$py" bench/peers/report.py "$times" "$tmp" $regions
