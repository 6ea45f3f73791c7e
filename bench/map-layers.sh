#!/usr/bin/env bash
# The map's outlines as a user waits for them: the first request of each layer after the server
# starts (the partition is built on first use, then each zoom once), and the plan's areas layer
# after committed moves (what the analyst's map reloads after every edit).
# Usage: bench/map-layers.sh [DATA_DIR] [JAR]   (JAR: default web/target/sda.jar, to compare builds)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
jar="${2:-web/target/sda.jar}"
[ -f "$jar" ] || ./sda --version >/dev/null
tmp="$(mktemp -d)"
port=7078
password="a long password for load runs"
echo "$password" | java -jar "$jar" user add bench --role analyst --password-stdin --db "jdbc:h2:file:$tmp/db" >/dev/null
java -Xmx4g -jar "$jar" start --data "$data" --db "jdbc:h2:file:$tmp/db" --port "$port" >"$tmp/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 1
done
base="http://127.0.0.1:$port/api/plans/1"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for u in "$base/areas?zoom=10" "http://127.0.0.1:$port/api/layers/blocks?zoom=11" "$base/areas?zoom=12" \
         "http://127.0.0.1:$port/api/layers/lsoas?zoom=10" "http://127.0.0.1:$port/api/layers/districts?zoom=10"; do
  echo "first GET ${u#http://127.0.0.1:$port}: $(curl -s -o /dev/null -w '%{time_total}' "$u") s"
done
csrf=$(curl -sf -c "$tmp/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/session" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
# three blocks that may move to a neighbouring area (from their "why")
moves=$(curl -sf "$base" | python3 -c '
import json,sys,urllib.request
p=json.load(sys.stdin); out=[]
for code in sorted(p["blocks"]):
    w=json.load(urllib.request.urlopen("'"$base"'/blocks/"+code+"/why"))
    ok=[a for a in w["alternatives"] if a["allowed"]]
    if ok: out.append(code+":"+ok[0]["area_id"])
    if len(out) >= 3: break
print(" ".join(out))')
for m in $moves; do
  IFS=: read -r block to <<< "$m"
  curl -sf -b "$tmp/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"blocks\":[\"$block\"],\"to\":\"$to\"}" "$base/moves" >/dev/null
  echo "after moving $block to $to, GET /api/plans/1/areas?zoom=10: $(curl -s -o /dev/null -w '%{time_total}' "$base/areas?zoom=10") s"
done
