#!/usr/bin/env bash
# Map server under load on loopback: requests/s and latency of the area-metrics endpoint, and
# the move-and-rescore round trip (POST …/moves with preview, which measures the move and takes
# it back, so every request does the same work). Uses wrk from Debian's packages. Each measured run
# follows a warm-up of the same requests (WARMUP seconds, 8 by default), so the JIT has compiled them.
# Usage: bench/server.sh [DATA_DIR] [SECONDS] [JAR]   (JAR: another build to measure, e.g. main's)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
secs="${2:-20}"
jar="${3:-web/target/sda.jar}"
warmup="${WARMUP:-8}"
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
if [ -z "${3:-}" ]; then
  ./sda --version >/dev/null # builds web/target/sda.jar when the sources are newer
fi
[ -f "$jar" ] || { echo "no jar $jar" >&2; exit 1; }
tmp="$(mktemp -d)"
port=7079
# an analyst account for the move previews (added before the server opens the embedded store)
password="a long password for load runs"
echo "$password" | java -jar "$jar" user add bench --role analyst --password-stdin --db "jdbc:h2:file:$tmp/db" >/dev/null
java -Xmx4g -jar "$jar" start --data "$data" --db "jdbc:h2:file:$tmp/db" --port "$port" >"$tmp/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 1
done
base="http://127.0.0.1:$port/api/plans"
plan=$(curl -sf "$base" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
# a parish and a neighbouring area it may move to (from the "why" of the first block that has one)
read -r block target < <(curl -sf "$base/$plan" | python3 -c '
import json,sys,urllib.request
p=json.load(sys.stdin)
for code in sorted(p["blocks"]):
    w=json.load(urllib.request.urlopen("'"$base/$plan"'/blocks/"+code+"/why"))
    ok=[a for a in w["alternatives"] if a["allowed"]]
    if ok:
        print(code, ok[0]["area_id"]); break')
echo "plan $plan, move $block to $target (preview)"
# sign in: the session cookie and the CSRF token every write needs
csrf=$(curl -sf -c "$tmp/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/session" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
session=$(awk '$6 == "sda_session" {print $7}' "$tmp/cookies")
cat >"$tmp/move.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "sda_session=$session"
wrk.headers["X-CSRF-Token"] = "$csrf"
wrk.body = '{"blocks":["$block"],"to":"$target","preview":true}'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
wrk -t2 -c16 -d"${warmup}s" "$base/$plan/metrics" >/dev/null
echo "== GET $base/$plan/metrics, 2 threads, 16 connections, ${secs}s"
wrk -t2 -c16 -d"${secs}s" --latency "$base/$plan/metrics" | grep -E "Requests/sec|99%|50%|Non-2xx"
wrk -t1 -c1 -d"${warmup}s" -s "$tmp/move.lua" "$base/$plan/moves" >/dev/null
echo "== POST $base/$plan/moves (preview), 1 thread, 1 connection, ${secs}s (round trip)"
wrk -t1 -c1 -d"${secs}s" -s "$tmp/move.lua" "$base/$plan/moves" | grep -E "Requests/sec|p50|Non-2xx"
