#!/usr/bin/env bash
# make bench: the figures of the runner issues, each beside its goal.
#  1. the quick scenario's shape (3 nodes, 25 workers, 1 KB, 70% PUT, all nodes), 20 s after a
#     warm-up until steady with the JIT quiet (at most 180 s), back to back on the process driver,
#     Docker on the host's network and Docker on a bridge, with the Docker/process ratios;
#  2. `cluster up --cluster-size 7` until every node is healthy and sees its peers;
#  3. our load generator's req/s over wrk's, both doing 1 KB PUTs against the same single node.
# Needs Docker (for 1 and 2) and wrk. Absolute figures are noisy on a shared 2-core box.
# BENCH_WARMUP / BENCH_DURATION (e.g. 2s; the warm-up replaces quick-bench.yaml's) shorten part 1,
# to try the script, not to measure; BENCH_QUICK_ONLY=1 runs part 1 alone; BENCH_KEEP=DIR keeps
# the runs' results (per-second figures) there.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=./repram-orchestrate
PORT=${PORT:-18490}
SECONDS_EACH=${SECONDS_EACH:-15}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
work=$(mktemp -d)
node_pid=""
up_name="bench$$"
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true
  # Only the cluster this script made: other clusters on the daemon are someone else's.
  $CLI cluster down "$up_name" >/dev/null 2>&1 || true
  [ -n "${BENCH_KEEP:-}" ] && mkdir -p "$BENCH_KEEP" && cp -r "$work"/. "$BENCH_KEEP"/
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# One copy of the cell per mode: the same matrix, warm-up and load, only where the nodes run differs.
variant() { # name, node block (or empty)
  local warmup=()
  [ -n "${BENCH_WARMUP:-}" ] && warmup=(-e "s/^warmup: .*/warmup: $BENCH_WARMUP/")
  sed -e "s/^name: quick-bench/name: quick-bench-$1/" "${warmup[@]}" -e "s/^duration: .*/duration: ${BENCH_DURATION:-20s}/" \
      bench/quick-bench.yaml >"$work/$1.yaml"
  [ -n "$2" ] && echo "$2" >>"$work/$1.yaml"
  echo "$work/$1.yaml"
}
# req/s, success %, p99 ms of the one cell of a run under $work/results-$1, and the least-sent
# node's share of the requests: a node far under an even share (its peers' replication left it
# behind on a full host) makes req/s the other nodes' figure, and the modes incomparable.
figures() {
  python3 - "$(ls "$work"/results-"$1"/*/summary.csv)" "$(ls "$work"/results-"$1"/*/3nodes_*.json | head -1)" <<'PY'
import csv, json, sys
row = next(csv.DictReader(open(sys.argv[1])))
nodes = json.load(open(sys.argv[2]))["result"]["load"]["nodes"]
total = sum(n["attempts"] for n in nodes) or 1
print(row["requests_per_sec"], row["success_percent"], int(row["p99_latency_us"]) / 1e3,
      round(100 * min(n["attempts"] for n in nodes) / total, 1))
PY
}
declare -A rps success p99 share
modes=(process docker-host docker-bridge)
for mode in "${modes[@]}"; do
  case $mode in
    process)       file=$(variant process "");                          driver=process ;;
    docker-host)   file=$(variant docker-host "node: {network: host}");   driver=docker ;;
    docker-bridge) file=$(variant docker-bridge "node: {network: bridge}"); driver=docker ;;
  esac
  echo "== 1/3 quick shape, $mode (${BENCH_WARMUP:-steady JIT-quiet} warm-up, ${BENCH_DURATION:-20s} measured) =="
  $CLI run "$file" --driver "$driver" --ci --results-dir "$work/results-$mode" | tail -3
  read -r rps[$mode] success[$mode] p99[$mode] share[$mode] < <(figures "$mode")
done
over() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

if [ -z "${BENCH_QUICK_ONLY:-}" ]; then
echo "== 2/3 cluster up --cluster-size 7 =="
$CLI image build >/dev/null
t0=$(date +%s.%N)
$CLI cluster up --cluster-size 7 --name "$up_name" >"$work/up.txt"
t1=$(date +%s.%N)
$CLI cluster down "$up_name" >/dev/null
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

fi

verdict() { awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN { ok = (op == ">=" ? v >= g : v <= g); print (ok ? "met" : "NOT met") }'; }
echo
echo "| figure | measured | goal | verdict |"
echo "|---|---|---|---|"
for mode in "${modes[@]}"; do
  printf '| quick shape, %s: req/s | %.0f | >= 4,000 | %s |\n' "$mode" "${rps[$mode]}" "$(verdict "${rps[$mode]}" 4000 '>=')"
  printf '| quick shape, %s: success | %.3f%% | 100%% | %s |\n' "$mode" "${success[$mode]}" "$(verdict "${success[$mode]}" 100 '>=')"
  printf '| quick shape, %s: p99 | %.2f ms | <= 20 ms | %s |\n' "$mode" "${p99[$mode]}" "$(verdict "${p99[$mode]}" 20 '<=')"
  printf '| quick shape, %s: least-sent node | %.1f%% of requests | >= 8.3%% (a quarter of an even share) | %s |\n' "$mode" "${share[$mode]}" "$(verdict "${share[$mode]}" 8.3 '>=')"
done
for mode in docker-host docker-bridge; do
  # Issue 18: Docker within 10% of the process driver, in req/s (ratio >= 0.9) and in p99 (ratio <= 1.1).
  r=$(over "${rps[$mode]}" "${rps[process]}"); l=$(over "${p99[$mode]}" "${p99[process]}")
  # A mode whose least-sent node fell under a quarter of an even share measured another state of
  # the cluster (one node left behind), so its ratio says nothing about the drivers.
  uneven=$(awk -v a="${share[$mode]}" -v b="${share[process]}" 'BEGIN { print (a < 8.3 || b < 8.3) ? 1 : 0 }')
  rv=$(verdict "$r" 0.9 '>='); lv=$(verdict "$l" 1.1 '<=')
  [ "$uneven" = 1 ] && rv="not comparable: uneven load" && lv="$rv"
  printf '| %s / process: req/s | %s | >= 0.90 | %s |\n' "$mode" "$r" "$rv"
  printf '| %s / process: p99 | %s | <= 1.10 | %s |\n' "$mode" "$l" "$lv"
done
[ -n "${BENCH_QUICK_ONLY:-}" ] && exit 0
printf '| cluster up --cluster-size 7 to healthy | %s s (command wall time %s s) | <= 6 s | %s |\n' "$up_seconds" "$wall_seconds" "$(verdict "$up_seconds" 6 '<=')"
printf '| load generator / wrk (1 KB PUT, 1 node) | %.0f / %.0f = %s | >= 0.8 | %s |\n' "$gen_rps" "$wrk_rps" "$ratio" "$(verdict "$ratio" 0.8 '>=')"
