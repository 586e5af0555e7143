#!/usr/bin/env bash
# make bench: the three figures of the runner issue, each beside its goal.
#  1. the quick scenario's shape (3 nodes, 25 workers, 1 KB, 70% PUT, all nodes), 20 s after a warm-up;
#  2. `cluster up --cluster-size 7` until every node is healthy and sees its peers;
#  3. our load generator's req/s over wrk's, both doing 1 KB PUTs against the same single node.
# Needs Docker (for 1 and 2) and wrk. Absolute figures are noisy on a shared 2-core box.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=./repram-orchestrate
PORT=${PORT:-18490}
SECONDS_EACH=${SECONDS_EACH:-15}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
work=$(mktemp -d)
node_pid=""
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true
  $CLI cluster down --all >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "== 1/3 quick shape (45 s warm-up, 20 s measured) =="
$CLI run bench/quick-bench.yaml --driver docker --ci --results-dir "$work/results" | tail -5
summary=$(ls "$work"/results/*/summary.csv)
read -r rps success p99 < <(python3 - "$summary" <<'PY'
import csv, sys
row = next(csv.DictReader(open(sys.argv[1])))
print(row["requests_per_sec"], row["success_percent"], int(row["p99_latency_us"]) / 1e3)
PY
)

echo "== 2/3 cluster up --cluster-size 7 =="
$CLI image build >/dev/null
t0=$(date +%s.%N)
$CLI cluster up --cluster-size 7 >"$work/up.txt"
t1=$(date +%s.%N)
$CLI cluster down --all >/dev/null
wall_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
# The command's own figure: from creating the first container to every node healthy with N-1 peers.
# The wall time adds the CLI's JVM start, connecting to Docker and starting the session's reaper.
up_seconds=$(sed -n 's/.*healthy in \([0-9.]*\) s.*/\1/p' "$work/up.txt" | head -1)
tail -3 "$work/up.txt"

echo "== 3/3 load generator vs wrk, 1 KB PUT, 50 connections, one node =="
REPRAM_NODE_ID=bench REPRAM_ADDRESS=127.0.0.1 REPRAM_HTTP_PORT=$PORT REPRAM_RATE_LIMIT=0 REPRAM_LOG_LEVEL=warn \
  java -XX:+UseSerialGC -jar node/target/repram-node.jar >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1 && break; sleep 0.2; done
# Warm the node's JIT with both clients before measuring either.
wrk -t2 -c50 -d10s -s node/bench/put.lua "http://127.0.0.1:$PORT" >/dev/null
$CLI load --url "http://127.0.0.1:$PORT" -c 50 -d 10s --payload-bytes 1024 --put-percent 100 >/dev/null 2>>"$work/load.log" \
  || { cat "$work/load.log" >&2; exit 1; }
wrk_rps=$(wrk -t2 -c50 -d${SECONDS_EACH}s -s node/bench/put.lua "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ {print $2}')
$CLI load --url "http://127.0.0.1:$PORT" -c 50 -d ${SECONDS_EACH}s --warmup 2s --payload-bytes 1024 --put-percent 100 \
  --json "$work/load.json" 2>>"$work/load.log" || { cat "$work/load.log" >&2; exit 1; }
gen_rps=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["requests_per_sec"])' "$work/load.json")
ratio=$(awk -v g="$gen_rps" -v w="$wrk_rps" 'BEGIN { printf "%.2f", (w > 0 ? g / w : 0) }')

verdict() { awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN { ok = (op == ">=" ? v >= g : v <= g); print (ok ? "met" : "NOT met") }'; }
echo
echo "| figure | measured | goal | verdict |"
echo "|---|---|---|---|"
printf '| quick shape: req/s | %.0f | >= 4,000 | %s |\n' "$rps" "$(verdict "$rps" 4000 '>=')"
printf '| quick shape: success | %.2f%% | 100%% | %s |\n' "$success" "$(verdict "$success" 100 '>=')"
printf '| quick shape: p99 | %.2f ms | <= 20 ms | %s |\n' "$p99" "$(verdict "$p99" 20 '<=')"
printf '| cluster up --cluster-size 7 to healthy | %s s (command wall time %s s) | <= 6 s | %s |\n' "$up_seconds" "$wall_seconds" "$(verdict "$up_seconds" 6 '<=')"
printf '| load generator / wrk (1 KB PUT, 1 node) | %.0f / %.0f = %s | >= 0.8 | %s |\n' "$gen_rps" "$wrk_rps" "$ratio" "$(verdict "$ratio" 0.8 '>=')"
